using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace AdvisoryPipeline.Tests.Architecture;

/// <summary>
/// A type as custom attribute decoding sees it: a named type (<paramref name="Assembly"/> null for this assembly's own)
/// or a one-dimensional array; <paramref name="SerializedName"/> keeps the text a <c>typeof</c> argument was written as,
/// generic arguments included.
/// </summary>
internal sealed record ArgumentType(string Name, string? Assembly, ArgumentType? Element = null, string? SerializedName = null);

/// <summary>
/// Decodes custom attribute blobs, so that a type written as an attribute argument (<c>[JsonSerializable(typeof(X))]</c>,
/// <c>[JsonDerivedType(typeof(Y))]</c>) counts as used: the blob holds it as text, not as a metadata token.
/// Decoding an enum argument needs the enum's size; this assembly's enums are read from their metadata, other
/// assemblies' enums are loaded by name into the test process (they are next to the tests) or the decoding fails loudly.
/// </summary>
internal sealed class AttributeArgumentTypes(MetadataReader reader, OwnTypeIndex index) : ICustomAttributeTypeProvider<ArgumentType>
{
    private static readonly ArgumentType SystemType = new("System.Type", "System.Runtime");

    /// <summary>The definitions of this assembly that the attribute's argument values and argument types mention.</summary>
    public IEnumerable<TypeDefinitionHandle> Mentioned(CustomAttribute attribute)
    {
        var value = attribute.DecodeValue(this);
        return value.FixedArguments.Concat(value.NamedArguments.Select(named => new CustomAttributeTypedArgument<ArgumentType>(named.Type, named.Value)))
            .SelectMany(Mentioned)
            .ToList();
    }

    private IEnumerable<TypeDefinitionHandle> Mentioned(CustomAttributeTypedArgument<ArgumentType> argument)
    {
        var found = Mentioned(argument.Type);
        return argument.Value switch
        {
            ImmutableArray<CustomAttributeTypedArgument<ArgumentType>> elements => found.Concat(elements.SelectMany(Mentioned)),
            // A typeof argument's value: System.Reflection.Metadata decodes it through GetTypeFromSerializedName.
            ArgumentType { SerializedName: { } name } => found.Concat(index.Mentioned(name)),
            _ => found,
        };
    }

    private IEnumerable<TypeDefinitionHandle> Mentioned(ArgumentType type)
    {
        if (type.Element is not null)
            return Mentioned(type.Element);
        return index.IsOwn(type.Assembly) && index.TryFind(type.Name, out var handle) ? [handle] : [];
    }

    public ArgumentType GetPrimitiveType(PrimitiveTypeCode typeCode) => new("System." + typeCode, "System.Runtime");

    public ArgumentType GetSystemType() => SystemType;

    public bool IsSystemType(ArgumentType type) => type.Element is null && type.Name == SystemType.Name && !index.IsOwn(type.Assembly);

    public ArgumentType GetSZArrayType(ArgumentType elementType) => new(elementType.Name + "[]", elementType.Assembly, elementType);

    public ArgumentType GetTypeFromDefinition(MetadataReader metadata, TypeDefinitionHandle handle, byte rawTypeKind) => new(index.MetadataName(handle), null);

    public ArgumentType GetTypeFromReference(MetadataReader metadata, TypeReferenceHandle handle, byte rawTypeKind)
    {
        var type = metadata.GetTypeReference(handle);
        var name = metadata.GetString(type.Name);
        var space = metadata.GetString(type.Namespace);
        var scope = type.ResolutionScope;
        if (scope.Kind == HandleKind.TypeReference)
        {
            var outer = GetTypeFromReference(metadata, (TypeReferenceHandle)scope, rawTypeKind);
            return new ArgumentType(outer.Name + "+" + name, outer.Assembly);
        }
        var assembly = scope.Kind == HandleKind.AssemblyReference
            ? metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)scope).Name)
            : null;
        return new ArgumentType(space.Length == 0 ? name : space + "." + name, assembly);
    }

    public ArgumentType GetTypeFromSerializedName(string name) => FromSerialized(TypeName.Parse(name)) with { SerializedName = name };

    private static ArgumentType FromSerialized(TypeName name) => name.IsSZArray
        ? new ArgumentType(name.FullName, name.AssemblyName?.Name, FromSerialized(name.GetElementType()))
        : new ArgumentType(name.FullName, name.AssemblyName?.Name);

    public PrimitiveTypeCode GetUnderlyingEnumType(ArgumentType type)
    {
        if (index.IsOwn(type.Assembly) && index.TryFind(type.Name, out var handle))
            return OwnEnumUnderlyingType(handle);
        var loaded = Type.GetType(type.Assembly is null ? type.Name : $"{type.Name}, {type.Assembly}", throwOnError: false)
            ?? throw new InvalidOperationException(
                $"Attribute argument of enum type {type.Name} ({type.Assembly}): the type cannot be loaded into the test process, so its size is unknown " +
                "and the attribute cannot be read. Reference that assembly from the tests.");
        return Type.GetTypeCode(loaded.GetEnumUnderlyingType()) switch
        {
            TypeCode.SByte => PrimitiveTypeCode.SByte,
            TypeCode.Byte => PrimitiveTypeCode.Byte,
            TypeCode.Int16 => PrimitiveTypeCode.Int16,
            TypeCode.UInt16 => PrimitiveTypeCode.UInt16,
            TypeCode.Int32 => PrimitiveTypeCode.Int32,
            TypeCode.UInt32 => PrimitiveTypeCode.UInt32,
            TypeCode.Int64 => PrimitiveTypeCode.Int64,
            TypeCode.UInt64 => PrimitiveTypeCode.UInt64,
            TypeCode.Char => PrimitiveTypeCode.Char,
            TypeCode.Boolean => PrimitiveTypeCode.Boolean,
            var other => throw new InvalidOperationException($"Enum {type.Name} has an underlying type ({other}) that attributes cannot hold."),
        };
    }

    /// <summary>An enum's size is the type of its one instance field, value__.</summary>
    private PrimitiveTypeCode OwnEnumUnderlyingType(TypeDefinitionHandle handle)
    {
        foreach (var fieldHandle in reader.GetTypeDefinition(handle).GetFields())
        {
            var field = reader.GetFieldDefinition(fieldHandle);
            if ((field.Attributes & System.Reflection.FieldAttributes.Static) != 0)
                continue;
            var signature = reader.GetBlobReader(field.Signature);
            signature.ReadSignatureHeader();
            return (PrimitiveTypeCode)signature.ReadSignatureTypeCode();
        }
        throw new InvalidOperationException($"{index.MetadataName(handle)} is used as an enum in an attribute but has no value__ field.");
    }
}
