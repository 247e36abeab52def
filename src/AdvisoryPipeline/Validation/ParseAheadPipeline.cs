namespace AdvisoryPipeline.Validation;

/// <summary>
/// Runs a two-step job over many items on every core when the first step must stay on one thread: the calling
/// thread does the first step of each item, in order, and queues the result; other threads take the second
/// steps from the queue. When the queue is full the calling thread takes second steps too, so neither step
/// leaves a core idle, whichever is slower.
/// </summary>
/// <remarks>
/// The first step is reading a file and parsing its YAML. YamlDotNet's <c>Scalar</c> event calls
/// <c>string.IsInterned</c> for keys, which takes a lock of the whole process, so two threads parsing with it are
/// slower than one (50,000 advisories: 4.4 s on one thread, 5.0 s on two, <c>bench bare</c>). The block-style parser
/// that now reads nearly every advisory takes no lock and is five times faster, so the lane rarely waits; it stays
/// because the files YamlDotNet still reads (flow style, anchors, anything unusual) would contend again.
/// </remarks>
internal sealed class ParseAheadPipeline<TParsed>
{
    // Enough to keep the other threads busy through a slow item; few enough that queued files cost little memory.
    private const int QueueLimit = 64;

    // Waking a sleeping thread costs a system call on both sides; it pays only for several items at once.
    private const int WakeBatch = 4;

    private readonly Action<int, TParsed> _finish;
    private readonly Queue<(int Index, TParsed Parsed)> _queue = new();
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _work = new(0);
    private int _sleeping;
    private bool _parsingDone;
    private List<Exception>? _failures;

    private ParseAheadPipeline(Action<int, TParsed> finish) => _finish = finish;

    /// <summary>
    /// Calls <paramref name="parse"/> for items 0 to <paramref name="count"/> - 1 in order on this thread, and
    /// <paramref name="finish"/> on each result on any thread, with up to <paramref name="helpers"/> other threads.
    /// </summary>
    /// <exception cref="AggregateException">A step failed; the remaining items were not processed.</exception>
    public static void Run(int count, int helpers, Func<int, TParsed> parse, Action<int, TParsed> finish)
    {
        var pipeline = new ParseAheadPipeline<TParsed>(finish);
        var threads = new Thread[Math.Max(0, Math.Min(helpers, count - 1))];
        for (var t = 0; t < threads.Length; t++)
        {
            threads[t] = new Thread(pipeline.Help) { IsBackground = true, Name = "validate" };
            threads[t].Start();
        }
        try
        {
            for (var i = 0; i < count && !pipeline.HasFailed; i++)
            {
                while (pipeline.IsFull && pipeline.TryFinishOne()) { }
                pipeline.Enqueue(i, parse(i));
            }
        }
        catch (Exception e)
        {
            pipeline.Fail(e);
        }
        finally
        {
            pipeline.CompleteParsing();
        }
        while (pipeline.TryFinishOne()) { }
        foreach (var thread in threads) thread.Join();
        if (pipeline._failures is { } failures) throw new AggregateException(failures);
    }

    private bool HasFailed
    {
        get
        {
            lock (_gate) return _failures is not null;
        }
    }

    private bool IsFull
    {
        get
        {
            lock (_gate) return _queue.Count >= QueueLimit;
        }
    }

    private void Enqueue(int index, TParsed parsed)
    {
        int wake;
        lock (_gate)
        {
            _queue.Enqueue((index, parsed));
            wake = _queue.Count >= WakeBatch ? Math.Min(_sleeping, _queue.Count) : 0;
            _sleeping -= wake;
        }
        if (wake > 0) _work.Release(wake);
    }

    private void CompleteParsing()
    {
        int wake;
        lock (_gate)
        {
            _parsingDone = true;
            wake = _sleeping;
            _sleeping = 0;
        }
        if (wake > 0) _work.Release(wake);
    }

    /// <summary>A helper thread: finishes queued items until parsing is done and the queue empty.</summary>
    private void Help()
    {
        while (true)
        {
            if (TryFinishOne()) continue;
            lock (_gate)
            {
                if (_parsingDone || _failures is not null) return;
                if (_queue.Count > 0) continue;
                _sleeping++;
            }
            _work.Wait();
        }
    }

    /// <summary>Finishes the oldest queued item; false when the queue is empty or a step has failed.</summary>
    private bool TryFinishOne()
    {
        (int Index, TParsed Parsed) item;
        lock (_gate)
        {
            if (_failures is not null || !_queue.TryDequeue(out item)) return false;
        }
        try
        {
            _finish(item.Index, item.Parsed);
        }
        catch (Exception e)
        {
            Fail(e);
            return false;
        }
        return true;
    }

    private void Fail(Exception e)
    {
        int wake;
        lock (_gate)
        {
            (_failures ??= []).Add(e);
            wake = _sleeping;
            _sleeping = 0;
        }
        if (wake > 0) _work.Release(wake);
    }
}
