using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace AdvisoryPipeline.Tests.Architecture;

/// <summary>
/// Finds every type definition of the assembly that one type definition mentions: base type, interfaces, generic
/// constraints, fields, method and property signatures, events, explicit interface implementations, custom attributes
/// (constructor and <c>typeof</c> arguments) on all of these and on parameters, local variables, catch clauses, and
/// every IL instruction with a metadata-token operand. Member references count as their declaring type and the types
/// in their signature; generic instantiations count every type argument.
/// </summary>
/// <remarks>
/// What the compiler leaves no trace of cannot be seen: a <c>const</c> (or an enum member used only as a value) is
/// copied into the IL as a number or string, and <c>nameof</c> becomes a string, so a type used only that way does not
/// show up as a reference. The same goes for assembly- and module-level attributes, which belong to no type.
/// </remarks>
internal sealed class TypeReferenceCollector(PEReader image, MetadataReader reader, OwnTypeIndex index)
{
    private readonly AttributeArgumentTypes _attributes = new(reader, index);
    private readonly SignatureDecoder<ImmutableArray<TypeDefinitionHandle>, object?> _signatures = new(OwnTypeSignatureProvider.Instance, reader, genericContext: null);

    /// <summary>The definitions <paramref name="handle"/> mentions (may repeat, may include itself).</summary>
    public List<TypeDefinitionHandle> MentionedBy(TypeDefinitionHandle handle)
    {
        var found = new List<TypeDefinitionHandle>();
        var type = reader.GetTypeDefinition(handle);
        found.AddRange(Entity(type.BaseType));
        Attributes(type.GetCustomAttributes(), found);
        GenericParameters(type.GetGenericParameters(), found);
        foreach (var implementationHandle in type.GetInterfaceImplementations())
        {
            var implementation = reader.GetInterfaceImplementation(implementationHandle);
            found.AddRange(Entity(implementation.Interface));
            Attributes(implementation.GetCustomAttributes(), found);
        }
        foreach (var fieldHandle in type.GetFields())
        {
            var field = reader.GetFieldDefinition(fieldHandle);
            found.AddRange(field.DecodeSignature(OwnTypeSignatureProvider.Instance, null));
            Attributes(field.GetCustomAttributes(), found);
        }
        foreach (var propertyHandle in type.GetProperties())
        {
            var property = reader.GetPropertyDefinition(propertyHandle);
            found.AddRange(Types(property.DecodeSignature(OwnTypeSignatureProvider.Instance, null)));
            Attributes(property.GetCustomAttributes(), found);
        }
        foreach (var eventHandle in type.GetEvents())
        {
            var definition = reader.GetEventDefinition(eventHandle);
            found.AddRange(Entity(definition.Type));
            Attributes(definition.GetCustomAttributes(), found);
        }
        foreach (var implementationHandle in type.GetMethodImplementations())
        {
            var implementation = reader.GetMethodImplementation(implementationHandle);
            found.AddRange(Entity(implementation.MethodBody));
            found.AddRange(Entity(implementation.MethodDeclaration));
        }
        foreach (var methodHandle in type.GetMethods())
            Method(reader.GetMethodDefinition(methodHandle), found);
        return found;
    }

    private void Method(MethodDefinition method, List<TypeDefinitionHandle> found)
    {
        found.AddRange(Types(method.DecodeSignature(OwnTypeSignatureProvider.Instance, null)));
        Attributes(method.GetCustomAttributes(), found);
        foreach (var parameterHandle in method.GetParameters())
            Attributes(reader.GetParameter(parameterHandle).GetCustomAttributes(), found);
        GenericParameters(method.GetGenericParameters(), found);
        if (method.RelativeVirtualAddress == 0)
            return;
        var body = image.GetMethodBody(method.RelativeVirtualAddress);
        if (!body.LocalSignature.IsNil)
            found.AddRange(reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(OwnTypeSignatureProvider.Instance, null).SelectMany(local => local));
        foreach (var region in body.ExceptionRegions)
            found.AddRange(Entity(region.CatchType));
        foreach (var token in IlTokenScanner.Tokens(body.GetILReader()))
            found.AddRange(Entity(token));
    }

    private void GenericParameters(GenericParameterHandleCollection parameters, List<TypeDefinitionHandle> found)
    {
        foreach (var parameterHandle in parameters)
        {
            var parameter = reader.GetGenericParameter(parameterHandle);
            Attributes(parameter.GetCustomAttributes(), found);
            foreach (var constraintHandle in parameter.GetConstraints())
            {
                var constraint = reader.GetGenericParameterConstraint(constraintHandle);
                found.AddRange(Entity(constraint.Type));
                Attributes(constraint.GetCustomAttributes(), found);
            }
        }
    }

    private void Attributes(CustomAttributeHandleCollection attributes, List<TypeDefinitionHandle> found)
    {
        foreach (var attributeHandle in attributes)
        {
            var attribute = reader.GetCustomAttribute(attributeHandle);
            found.AddRange(Entity(attribute.Constructor));
            found.AddRange(_attributes.Mentioned(attribute));
        }
    }

    /// <summary>The definitions a metadata token names: a type, or a member as its declaring type plus its signature.</summary>
    private IEnumerable<TypeDefinitionHandle> Entity(EntityHandle handle)
    {
        if (handle.IsNil)
            return [];
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                return [(TypeDefinitionHandle)handle];
            case HandleKind.TypeSpecification:
                return reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(OwnTypeSignatureProvider.Instance, null);
            case HandleKind.MethodDefinition:
            {
                var method = reader.GetMethodDefinition((MethodDefinitionHandle)handle);
                return Types(method.DecodeSignature(OwnTypeSignatureProvider.Instance, null)).Prepend(method.GetDeclaringType());
            }
            case HandleKind.FieldDefinition:
            {
                var field = reader.GetFieldDefinition((FieldDefinitionHandle)handle);
                return field.DecodeSignature(OwnTypeSignatureProvider.Instance, null).Prepend(field.GetDeclaringType());
            }
            case HandleKind.MemberReference:
            {
                var member = reader.GetMemberReference((MemberReferenceHandle)handle);
                var signature = member.GetKind() == MemberReferenceKind.Field
                    ? member.DecodeFieldSignature(OwnTypeSignatureProvider.Instance, null).AsEnumerable()
                    : Types(member.DecodeMethodSignature(OwnTypeSignatureProvider.Instance, null));
                return Entity(member.Parent).Concat(signature);
            }
            case HandleKind.MethodSpecification:
            {
                var specification = reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                return Entity(specification.Method).Concat(specification.DecodeSignature(OwnTypeSignatureProvider.Instance, null).SelectMany(argument => argument));
            }
            case HandleKind.StandaloneSignature:
            {
                // calli's operand: the called function pointer's signature.
                var blob = reader.GetBlobReader(reader.GetStandaloneSignature((StandaloneSignatureHandle)handle).Signature);
                return Types(_signatures.DecodeMethodSignature(ref blob));
            }
            default:
                // Types and members of other assemblies (TypeReference, a MemberReference's ModuleReference parent) are not ours.
                return [];
        }
    }

    private static IEnumerable<TypeDefinitionHandle> Types(MethodSignature<ImmutableArray<TypeDefinitionHandle>> signature) =>
        signature.ReturnType.Concat(signature.ParameterTypes.SelectMany(parameter => parameter));
}
