using AdvisoryPipeline.Tests.Architecture.Samples;

namespace AdvisoryPipeline.Tests.Architecture;

/// <summary>
/// <see cref="TypeReferenceGraph"/> sees each way one type can use another, read from this test assembly's own
/// Samples (each "Via..." type uses its target in exactly one way).
/// </summary>
public sealed class TypeReferenceGraphTests
{
    private static readonly Lazy<TypeReferenceGraph> Graph = new(() => TypeReferenceGraph.Read(typeof(TypeReferenceGraphTests).Assembly.Location));

    [Theory]
    [InlineData(typeof(ViaCatch), typeof(TargetException))]
    [InlineData(typeof(ViaLambda), typeof(Target))]
    [InlineData(typeof(ViaIterator), typeof(Target))]
    [InlineData(typeof(ViaAsync), typeof(Target))]
    [InlineData(typeof(ViaConstraint), typeof(ITarget))]
    [InlineData(typeof(ViaAttributeTypeArgument), typeof(Target))]
    [InlineData(typeof(ViaAttributeGenericTypeArgument), typeof(Target))]
    [InlineData(typeof(ViaAttributeNamedTypeArgument), typeof(Target))]
    [InlineData(typeof(ViaAttributeConstructor), typeof(TargetKindAttribute))]
    [InlineData(typeof(ViaAttributeConstructor), typeof(TargetKind))]
    [InlineData(typeof(ViaTypeOf), typeof(Target))]
    [InlineData(typeof(ViaIsInst), typeof(Target))]
    [InlineData(typeof(ViaGenericArgument), typeof(Target))]
    public void A_reference_made_in_any_of_these_ways_is_seen(Type from, Type to)
    {
        Assert.Contains(new TypeDependency(Defined(from), Defined(to)), Graph.Value.References);
    }

    [Fact]
    public void A_constant_is_copied_into_the_il_so_its_type_is_not_seen()
    {
        Assert.DoesNotContain(Graph.Value.References, reference => reference.From == Defined(typeof(ViaConstant)));
    }

    [Fact]
    public void Lambdas_iterators_and_state_machines_count_as_the_type_that_holds_them()
    {
        var samples = Graph.Value.Types.Where(type => type.Namespace == typeof(Target).Namespace).ToList();

        Assert.Contains(Defined(typeof(ViaLambda)), samples);
        Assert.DoesNotContain(samples, type => type.Name.Contains('<', StringComparison.Ordinal));
    }

    [Fact]
    public void Types_and_references_are_sorted_and_distinct()
    {
        var graph = Graph.Value;

        Assert.Equal(graph.Types.Distinct().Order(), graph.Types);
        Assert.Equal(graph.References.Distinct().Order(), graph.References);
        Assert.DoesNotContain(graph.References, reference => reference.From == reference.To);
    }

    [Fact]
    public void The_assembly_references_are_read_from_metadata()
    {
        var references = TypeReferenceGraph.ReadAssemblyReferences(typeof(TypeReferenceGraphTests).Assembly.Location);

        Assert.Contains("AdvisoryPipeline", references);
        Assert.Contains("advisory", references);
        Assert.Equal(references, Graph.Value.AssemblyReferences);
        Assert.Equal("AdvisoryPipeline.Tests", Graph.Value.AssemblyName);
    }

    private static DefinedType Defined(Type type) => new(type.Namespace ?? "", type.Name);
}
