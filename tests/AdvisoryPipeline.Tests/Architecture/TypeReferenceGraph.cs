using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace AdvisoryPipeline.Tests.Architecture;

/// <summary>
/// Which type of an assembly uses which other type of the same assembly, read from the compiled assembly's
/// metadata and IL (<see cref="TypeReferenceCollector"/> lists what counts), and which assemblies it references.
/// Reading the compiled file rather than the sources sees exactly what the compiler bound, with no parser to keep
/// in step with the language. Everything is sorted, so that the same assembly always gives the same lists.
/// </summary>
public sealed class TypeReferenceGraph
{
    private TypeReferenceGraph(string assemblyName, IReadOnlyList<DefinedType> types, IReadOnlyList<TypeDependency> references, IReadOnlyList<string> assemblyReferences)
    {
        AssemblyName = assemblyName;
        Types = types;
        References = references;
        AssemblyReferences = assemblyReferences;
    }

    /// <summary>The simple name of the assembly read (AdvisoryPipeline, advisory...).</summary>
    public string AssemblyName { get; }

    /// <summary>
    /// Every type the assembly defines, compiler-generated nested types counted as the type that holds them
    /// (see <see cref="OwnTypeIndex.Owner"/>); compiler-generated top-level types such as &lt;Module&gt; are included.
    /// </summary>
    public IReadOnlyList<DefinedType> Types { get; }

    /// <summary>Distinct (from, to) pairs of different types of this assembly.</summary>
    public IReadOnlyList<TypeDependency> References { get; }

    /// <summary>The simple names of the assemblies this one references (its AssemblyRef table), framework included.</summary>
    public IReadOnlyList<string> AssemblyReferences { get; }

    public static TypeReferenceGraph Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var image = new PEReader(stream);
        var reader = image.GetMetadataReader();
        var index = new OwnTypeIndex(reader);
        var collector = new TypeReferenceCollector(image, reader, index);

        var types = new SortedSet<DefinedType>();
        var references = new SortedSet<TypeDependency>();
        foreach (var handle in reader.TypeDefinitions)
        {
            var from = index.Owner(handle);
            types.Add(from);
            foreach (var mentioned in collector.MentionedBy(handle))
            {
                var to = index.Owner(mentioned);
                if (to != from)
                    references.Add(new TypeDependency(from, to));
            }
        }

        return new TypeReferenceGraph(index.AssemblyName, [.. types], [.. references], AssemblyReferencesOf(reader));
    }

    /// <summary>
    /// Only the <see cref="AssemblyReferences"/> of an assembly: reading one metadata table, for tests about which
    /// assemblies may reference which, that need no type graph.
    /// </summary>
    public static IReadOnlyList<string> ReadAssemblyReferences(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var image = new PEReader(stream);
        return AssemblyReferencesOf(image.GetMetadataReader());
    }

    private static List<string> AssemblyReferencesOf(MetadataReader reader) => reader.AssemblyReferences
        .Select(handle => reader.GetString(reader.GetAssemblyReference(handle).Name))
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList();
}
