using System.Collections.Concurrent;
using AdvisoryPipeline.Validation;
using Xunit;

namespace AdvisoryPipeline.Tests.Validation;

public sealed class ParseAheadPipelineTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(1000, 0)]
    [InlineData(1000, 1)]
    [InlineData(1000, 3)]
    public void Every_item_is_parsed_in_order_on_the_calling_thread_and_finished_exactly_once(int count, int helpers)
    {
        var caller = Environment.CurrentManagedThreadId;
        var parsedOrder = new List<int>();
        var finished = new ConcurrentDictionary<int, int>();

        ParseAheadPipeline<string>.Run(count, helpers,
            i =>
            {
                Assert.Equal(caller, Environment.CurrentManagedThreadId);
                parsedOrder.Add(i);
                return $"item {i}";
            },
            (i, parsed) =>
            {
                Assert.Equal($"item {i}", parsed);
                finished.AddOrUpdate(i, 1, (_, n) => n + 1);
            });

        Assert.Equal(Enumerable.Range(0, count), parsedOrder);
        Assert.Equal(count, finished.Count);
        Assert.All(finished.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public void A_failing_finish_step_stops_the_run_and_surfaces_the_exception()
    {
        var finished = 0;
        var failure = Assert.Throws<AggregateException>(() => ParseAheadPipeline<int>.Run(10_000, 1,
            i => i,
            (i, _) =>
            {
                if (i == 50) throw new InvalidDataException("item 50 is bad");
                Interlocked.Increment(ref finished);
            }));

        Assert.Contains(failure.InnerExceptions, e => e.Message == "item 50 is bad");
        Assert.True(finished < 10_000 - 1, "the run went on after the failure");
    }

    [Fact]
    public void A_failing_parse_step_surfaces_the_exception_and_leaves_no_thread_waiting()
    {
        var failure = Assert.Throws<AggregateException>(() => ParseAheadPipeline<int>.Run(100, 2,
            i => i == 7 ? throw new InvalidDataException("cannot parse 7") : i,
            (_, _) => { }));

        Assert.Contains(failure.InnerExceptions, e => e.Message == "cannot parse 7");
    }
}
