namespace AdvisoryPipeline.Presentation;

/// <summary>Names in running text: "a", "a and b", "a, b and c", "a, b, c and 2 more".</summary>
public static class NameList
{
    public static string Of(IReadOnlyList<string> names, int named = 3)
    {
        if (names.Count > named) return $"{string.Join(", ", names.Take(named))} and {names.Count - named} more";
        return names.Count switch
        {
            0 => "",
            1 => names[0],
            _ => $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}",
        };
    }
}
