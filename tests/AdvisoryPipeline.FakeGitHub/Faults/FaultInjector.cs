using Microsoft.AspNetCore.Http;

namespace AdvisoryPipeline.FakeGitHub.Faults;

/// <summary>The server's fault rules. Every rule counts every request it matches; the first that fires wins.</summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules = [];

    public FaultRule Add(FaultRule rule)
    {
        lock (_gate)
            _rules.Add(rule);
        return rule;
    }

    /// <example><c>server.Faults.Add("PATCH", "/repos/*/*/git/refs/**", Fault.ServerError(), nth: 2)</c></example>
    public FaultRule Add(string method, string pathPattern, Fault fault, int nth = 1, int times = 1) =>
        Add(new FaultRule(method, pathPattern, fault) { Nth = nth, Times = times });

    public IReadOnlyList<FaultRule> Rules
    {
        get
        {
            lock (_gate)
                return [.. _rules];
        }
    }

    public void Clear()
    {
        lock (_gate)
            _rules.Clear();
    }

    internal Fault? Select(string method, string path)
    {
        lock (_gate)
        {
            Fault? selected = null;
            foreach (var rule in _rules)
                if (rule.CountAndFire(method, path, mayFire: selected is null))
                    selected = rule.Fault;
            return selected;
        }
    }

    internal const string AppliedFaultKey = "fake-github:fault";

    /// <summary>Middleware step: applies the selected fault, or passes the request on untouched.</summary>
    internal Task ApplyAsync(HttpContext context, RequestDelegate next, FakeGitHubServer server)
    {
        var fault = Select(context.Request.Method, context.Request.Path.Value ?? "");
        if (fault is null)
            return next(context);
        context.Items[AppliedFaultKey] = fault.Name;
        return fault.ApplyAsync(context, next, server);
    }
}
