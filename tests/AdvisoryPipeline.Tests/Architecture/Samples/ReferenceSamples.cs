namespace AdvisoryPipeline.Tests.Architecture.Samples;

// Each "Via..." type reaches a Target type in exactly one way, so that TypeReferenceGraphTests proves every way is seen.
// Nothing calls them: they exist only to be compiled.

public class Target
{
    public const int Limit = 3;

    public static int Count;
}

public sealed class TargetException : Exception;

public interface ITarget;

public enum TargetKind : byte
{
    First,
    Second,
}

[AttributeUsage(AttributeTargets.All)]
public sealed class TargetKindAttribute(TargetKind kind) : Attribute
{
    public TargetKind Kind { get; } = kind;

    public Type? Type { get; set; }
}

[AttributeUsage(AttributeTargets.All)]
public sealed class TypeArgumentAttribute(Type type) : Attribute
{
    public Type Type { get; } = type;
}

public static class ViaCatch
{
    public static bool Run(Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (TargetException)
        {
            return false;
        }
    }
}

public static class ViaLambda
{
    public static Func<int> Make() => () => Target.Count;
}

public static class ViaIterator
{
    public static IEnumerable<int> Items()
    {
        yield return Target.Count;
    }
}

public static class ViaAsync
{
    public static async Task<int> Run()
    {
        await Task.Yield();
        return Target.Count;
    }
}

public static class ViaConstraint
{
    public static string Name<T>(T value) where T : ITarget => value.ToString() ?? "";
}

[TypeArgument(typeof(Target))]
public static class ViaAttributeTypeArgument;

[TypeArgument(typeof(IReadOnlyList<Target[]>))]
public static class ViaAttributeGenericTypeArgument;

[TargetKind(TargetKind.First, Type = typeof(Target))]
public static class ViaAttributeNamedTypeArgument;

[TargetKind(TargetKind.Second)]
public static class ViaAttributeConstructor;

public static class ViaTypeOf
{
    public static Type Get() => typeof(Target);
}

public static class ViaIsInst
{
    public static bool Test(object value) => value is Target;
}

public static class ViaGenericArgument
{
    public static int Count() => new List<Target>().Count;
}

/// <summary>The compiler copies the constant's value into the IL: this reference is invisible (the documented limitation).</summary>
public static class ViaConstant
{
    public static int Twice() => 2 * Target.Limit;
}
