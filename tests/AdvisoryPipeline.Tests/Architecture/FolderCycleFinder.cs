namespace AdvisoryPipeline.Tests.Architecture;

/// <summary>
/// Finds the cycles among the sub-folders of one stage: Tarjan's strongly connected components, since every edge inside
/// a component lies on some cycle and no edge outside one does. Listing the component rather than every elementary cycle
/// keeps the report short (a dense group has many cycles) and still names every dependency that takes part.
/// </summary>
internal static class FolderCycleFinder
{
    public static IEnumerable<FolderCycle> Find(string stage, IEnumerable<FolderDependency> dependencies)
    {
        var edges = dependencies
            .GroupBy(dependency => (dependency.From, dependency.To))
            .ToDictionary(group => group.Key, group => group.Select(dependency => dependency.Reference).Order().ToList());
        var successors = edges.Keys
            .SelectMany(edge => new[] { edge.From, edge.To })
            .Distinct()
            .ToDictionary(folder => folder, folder => edges.Keys.Where(edge => edge.From == folder).Select(edge => edge.To).Order(StringComparer.Ordinal).ToList());

        foreach (var component in StronglyConnected(successors).Where(component => component.Count > 1).OrderBy(component => component[0], StringComparer.Ordinal))
        {
            var members = component.ToHashSet();
            var inside = edges
                .Where(edge => members.Contains(edge.Key.From) && members.Contains(edge.Key.To))
                .Select(edge => new FolderEdge(edge.Key.From, edge.Key.To, edge.Value.Count, edge.Value[0]))
                .OrderBy(edge => edge.From, StringComparer.Ordinal).ThenBy(edge => edge.To, StringComparer.Ordinal)
                .ToList();
            yield return new FolderCycle(stage, component, ShortestCycle(component[0], members, successors), inside);
        }
    }

    /// <summary>The components, each sorted by ordinal name; deterministic because nodes and successors are visited in sorted order.</summary>
    private static List<List<string>> StronglyConnected(Dictionary<string, List<string>> successors)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var lowLink = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var components = new List<List<string>>();

        void Visit(string node)
        {
            index[node] = lowLink[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in successors[node])
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    lowLink[node] = Math.Min(lowLink[node], lowLink[next]);
                }
                else if (onStack.Contains(next))
                    lowLink[node] = Math.Min(lowLink[node], index[next]);
            }
            if (lowLink[node] != index[node])
                return;
            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            }
            while (member != node);
            component.Sort(StringComparer.Ordinal);
            components.Add(component);
        }

        foreach (var node in successors.Keys.Order(StringComparer.Ordinal))
            if (!index.ContainsKey(node))
                Visit(node);
        return components;
    }

    /// <summary>Breadth-first from <paramref name="start"/> back to itself, within the component: [start, ..., start].</summary>
    private static List<string> ShortestCycle(string start, HashSet<string> members, Dictionary<string, List<string>> successors)
    {
        var cameFrom = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var next in successors[node].Where(members.Contains))
            {
                if (next == start)
                {
                    var path = new List<string> { start };
                    for (var step = node; step != start; step = cameFrom[step])
                        path.Add(step);
                    path.Add(start);
                    path.Reverse();
                    return path;
                }
                if (cameFrom.TryAdd(next, node))
                    queue.Enqueue(next);
            }
        }
        throw new InvalidOperationException($"{start} is in a strongly connected component but on no cycle.");
    }
}
