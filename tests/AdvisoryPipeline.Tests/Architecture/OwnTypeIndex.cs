using System.Reflection.Metadata;
using SerializedTypeName = System.Reflection.Metadata.TypeName;

namespace AdvisoryPipeline.Tests.Architecture;

/// <summary>
/// The type definitions of one assembly by name: which <see cref="DefinedType"/> a definition counts as,
/// and which definitions a type name written as text (in a custom attribute's <c>typeof</c> argument) means.
/// </summary>
internal sealed class OwnTypeIndex
{
    private readonly MetadataReader _reader;
    private readonly Dictionary<string, TypeDefinitionHandle> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<TypeDefinitionHandle, DefinedType> _owners = [];

    public OwnTypeIndex(MetadataReader reader)
    {
        _reader = reader;
        AssemblyName = reader.GetString(reader.GetAssemblyDefinition().Name);
        foreach (var handle in reader.TypeDefinitions)
            _byName[MetadataName(handle)] = handle;
    }

    public string AssemblyName { get; }

    /// <summary>"Namespace.Outer+Inner", the name reflection and serialized attribute arguments use.</summary>
    public string MetadataName(TypeDefinitionHandle handle)
    {
        var type = _reader.GetTypeDefinition(handle);
        var name = _reader.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        if (!declaring.IsNil)
            return MetadataName(declaring) + "+" + name;
        var space = _reader.GetString(type.Namespace);
        return space.Length == 0 ? name : space + "." + name;
    }

    public bool TryFind(string metadataName, out TypeDefinitionHandle handle) => _byName.TryGetValue(metadataName, out handle);

    /// <summary>
    /// The type a definition counts as. A compiler-generated nested type (a lambda's display class, an iterator or
    /// async state machine: the C# compiler gives them names starting with '&lt;') counts as the nearest enclosing
    /// type a person wrote, so that what a lambda uses is charged to the type whose source holds the lambda.
    /// </summary>
    public DefinedType Owner(TypeDefinitionHandle handle)
    {
        if (_owners.TryGetValue(handle, out var owner))
            return owner;
        var type = _reader.GetTypeDefinition(handle);
        var declaring = type.GetDeclaringType();
        if (declaring.IsNil)
            owner = new DefinedType(_reader.GetString(type.Namespace), _reader.GetString(type.Name));
        else if (_reader.GetString(type.Name).StartsWith('<'))
            owner = Owner(declaring);
        else
        {
            var outer = Owner(declaring);
            owner = new DefinedType(outer.Namespace, outer.Name + "+" + _reader.GetString(type.Name));
        }
        _owners[handle] = owner;
        return owner;
    }

    /// <summary>The definitions of this assembly that a serialized type name mentions, generic arguments and array elements included.</summary>
    public IEnumerable<TypeDefinitionHandle> Mentioned(string serializedName) => Mentioned(SerializedTypeName.Parse(serializedName));

    private IEnumerable<TypeDefinitionHandle> Mentioned(SerializedTypeName name)
    {
        if (name.IsConstructedGenericType)
            return Mentioned(name.GetGenericTypeDefinition()).Concat(name.GetGenericArguments().SelectMany(Mentioned));
        if (name.IsArray || name.IsPointer || name.IsByRef)
            return Mentioned(name.GetElementType());
        return IsOwn(name.AssemblyName?.Name) && TryFind(name.FullName, out var handle) ? [handle] : [];
    }

    /// <summary>A name without an assembly is looked up in the assembly that holds it, i.e. this one.</summary>
    public bool IsOwn(string? assemblyName) => assemblyName is null || string.Equals(assemblyName, AssemblyName, StringComparison.Ordinal);
}
