namespace AdvisoryPipeline.Tests.Architecture;

/// <summary>
/// A type defined in the assembly under test, as the architecture rules see it: the rules only care about
/// the namespace (the folder), the name is there so that a violation can say which type to move.
/// </summary>
/// <param name="Namespace">The namespace; a nested type has the namespace of its outermost declaring type.</param>
/// <param name="Name">The metadata name, nested types joined with '+' (<c>Outer+Inner</c>), generic arity kept (<c>Cache`1</c>).</param>
public sealed record DefinedType(string Namespace, string Name) : IComparable<DefinedType>
{
    public string FullName => Namespace.Length == 0 ? Name : Namespace + "." + Name;

    /// <summary>Ordinal order on the full name, so that every list the rules print is the same from run to run.</summary>
    public int CompareTo(DefinedType? other) => other is null ? 1 : string.CompareOrdinal(FullName, other.FullName);

    public override string ToString() => FullName;
}

/// <summary>One type of the assembly uses another one of the same assembly (anywhere in its metadata or IL).</summary>
public sealed record TypeDependency(DefinedType From, DefinedType To) : IComparable<TypeDependency>
{
    public int CompareTo(TypeDependency? other)
    {
        if (other is null)
            return 1;
        var from = From.CompareTo(other.From);
        return from != 0 ? from : To.CompareTo(other.To);
    }

    public override string ToString() => $"{From} -> {To}";
}
