using System.Reflection;
using System.Xml.Linq;

namespace AdvisoryPipeline.Tests.Cli;

/// <summary>
/// Octokit creates <c>StringEnum&lt;T&gt;</c> values by reflection; in the Native AOT binary only the instantiations
/// listed in <c>src/AdvisoryPipeline.Cli/Octokit.rd.xml</c> exist. Every one that a member of an Octokit type uses
/// must be listed, so that an Octokit update cannot break github: or ghsa: publishing in the binary unnoticed.
/// </summary>
public class OctokitRuntimeDirectivesTests
{
    [Fact]
    public void Every_StringEnum_that_an_Octokit_model_uses_is_compiled_ahead_of_time()
    {
        var listed = XDocument.Load(Path.Combine(SharedData.RepositoryRoot, "src", "AdvisoryPipeline.Cli", "Octokit.rd.xml"))
            .Descendants().Where(e => e.Name.LocalName == "Type").Select(e => (string)e.Attribute("Name")!).ToHashSet(StringComparer.Ordinal);

        var missing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var argument in StringEnumArguments(typeof(Octokit.GitHubClient).Assembly))
        {
            var plain = $"Octokit.StringEnum`1[[{argument.FullName},{argument.Assembly.GetName().Name}]]";
            if (!listed.Contains(plain)) missing.Add(plain);
            if (!listed.Contains($"System.Nullable`1[[{plain},Octokit]]")) missing.Add($"System.Nullable`1[[{plain},Octokit]]");
        }
        Assert.Empty(missing);
        Assert.True(listed.Count >= 100, "the directives list the instantiations of Octokit 14");
    }

    private static HashSet<Type> StringEnumArguments(Assembly octokit)
    {
        var found = new HashSet<Type>();
        void Visit(Type type)
        {
            if (type.IsArray) Visit(type.GetElementType()!);
            if (!type.IsGenericType) return;
            if (type.GetGenericTypeDefinition().FullName == "Octokit.StringEnum`1") found.Add(type.GetGenericArguments()[0]);
            foreach (var argument in type.GetGenericArguments()) Visit(argument);
        }
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
        foreach (var type in octokit.GetTypes())
        {
            foreach (var property in type.GetProperties(all)) Visit(property.PropertyType);
            foreach (var field in type.GetFields(all)) Visit(field.FieldType);
            foreach (var constructor in type.GetConstructors(all))
                foreach (var parameter in constructor.GetParameters()) Visit(parameter.ParameterType);
        }
        return found;
    }
}
