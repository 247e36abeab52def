using System.Diagnostics;
using System.Text;
using AdvisoryPipeline.FakeGitHub;
using AdvisoryPipeline.Tests.Rendering.Mail;
using AdvisoryPipeline.Tests.TestSupport;
using Xunit.Abstractions;

namespace AdvisoryPipeline.Tests.Cli;

/// <summary>
/// The shipped form of the tool is the Native AOT binary (<c>scripts/publish-native.sh</c>): trimming and ahead-of-time
/// compilation must not change what any command does. Each command runs in the native binary and in the JIT build
/// (in-process) on two copies of the same database, and both must print the same and leave the same files;
/// <c>github:</c> and <c>ghsa:</c> publishing (Octokit, which works by reflection) go through the native binary to the
/// fake GitHub API, and must leave what the JIT build leaves; a signed announcement must verify with gpg.
/// </summary>
/// <remarks>
/// The binary is published by the test run itself (<see cref="ReleaseBuilds.NativeBinary"/>), or is the one that
/// <c>ADVISORY_NATIVE_BINARY</c> names.
/// </remarks>
public sealed class NativeBinaryTests(ITestOutputHelper output) : IDisposable
{
    private const string Now = "2026-11-22T12:00:00Z";
    private const string Token = "ghp_NativeBinaryTestTokenNeverPrinted7Q";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();


    [Fact]
    public async Task Every_command_does_in_the_native_binary_what_it_does_in_the_JIT_build()
    {
        var binary = ReleaseBuilds.NativeBinary;
        await using var github = await FakeGitHubServer.StartNewAsync(new FakeGitHubOptions(Token: Token));
        github.CreateRepository("acme", "native-db");
        github.CreateRepository("acme", "jit-db");

        var native = Database("native");
        var jit = Database("jit");
        var key = TestSigningKeys.Rsa;
        foreach (var folder in new[] { native, jit })
            File.WriteAllText(Path.Combine(folder, "signing.asc"), key.ArmoredSecretKeyring);
        var variables = new Dictionary<string, string>
        {
            ["GITHUB_API_URL"] = github.BaseUri.ToString(),
            ["GITHUB_TOKEN"] = Token,
            ["ADVISORY_SIGNING_PASSPHRASE"] = TestSigningKeys.Passphrase,
        };

        string[][] commands =
        [
            ["--help"],
            ["validate"],
            ["validate"], // the second run reads the validation cache
            ["validate", "--format", "json", "--no-cache"],
            ["validate", "--format", "github", "--no-cache"],
            ["validate", "--explain", "OSV101"],
            ["validate", "advisories/nope.yaml"],
            ["fix", "--check"],
            ["fix"],
            ["render", "--out", "site-out", "--now", Now],
            ["announce", "TSSA-2025-4", "--now", Now],
            ["announce", "TSSA-2025-4", "--eml", "--out", "mail.eml", "--now", Now],
            ["publish", "--target", "dir:osv-out", "--now", Now],
            ["publish", "--target", "dir:osv-out", "--dry-run", "--format", "json", "--now", Now],
            ["run", "--out", "run-out", "--now", Now],
        ];
        CompareAll(binary, native, jit, commands, variables);

        // Signing: BouncyCastle in the native binary; gpg checks the signature.
        var signed = RunNative(binary, native, ["announce", "TSSA-2025-4", "--sign", "signing.asc", "--now", Now], variables);
        Assert.Equal(0, signed.Exit);
        Assert.Contains("-----BEGIN PGP SIGNED MESSAGE-----", signed.Out);
        Assert.DoesNotContain(TestSigningKeys.Passphrase, signed.Out + signed.Error);
        using (var gpg = new GnuPgHome())
        {
            gpg.Import(key.ArmoredPublicKey);
            var verification = gpg.Verify(gpg.WriteFile("announce.asc", Encoding.UTF8.GetBytes(signed.Out)));
            Assert.True(verification.ExitCode == 0 && verification.Status.Contains("GOODSIG", StringComparison.Ordinal), verification.ToString());
        }
        var mime = RunNative(binary, native, ["announce", "TSSA-2025-4", "--eml", "--sign", "signing.asc", "--pgp-mime", "--out", "signed.eml", "--now", Now], variables);
        Assert.Equal(0, mime.Exit);
        Assert.Contains("multipart/signed", File.ReadAllText(Path.Combine(native, "signed.eml")));
        File.Delete(Path.Combine(native, "signed.eml")); // the trees are compared again below

        // github: and ghsa: through Octokit: the native binary must leave on GitHub what the JIT build leaves.
        foreach (var target in new[] { "github", "ghsa" })
        {
            var viaNative = RunNative(binary, native, ["publish", "--target", $"{target}:acme/native-db", "--now", Now], variables);
            var viaJit = InProcess(jit, ["publish", "--target", $"{target}:acme/jit-db", "--now", Now], variables);
            Assert.True(viaNative.Exit == 0, $"{target}: native exit {viaNative.Exit}\n{viaNative.Out}\n{viaNative.Error}");
            Assert.Equal(viaJit.ExitCode, viaNative.Exit);
            // The two repositories start from different commits, so their commit IDs differ.
            Assert.Equal(CommitIds().Replace(viaJit.Out.Replace("jit-db", "native-db", StringComparison.Ordinal), "<commit>"),
                CommitIds().Replace(viaNative.Out, "<commit>"));
            Assert.DoesNotContain(Token, viaNative.Out + viaNative.Error);
            // A second publish with nothing changed writes nothing.
            var again = RunNative(binary, native, ["publish", "--target", $"{target}:acme/native-db", "--now", Now], variables);
            Assert.Equal(0, again.Exit);
        }
        static IEnumerable<KeyValuePair<string, string>> Records(FakeRepository repository) =>
            repository.FilesOn("main").Where(file => file.Key.StartsWith("osv/", StringComparison.Ordinal)).OrderBy(file => file.Key, StringComparer.Ordinal);
        Assert.NotEmpty(Records(github.Repository("acme", "native-db")));
        Assert.Equal(Records(github.Repository("acme", "jit-db")), Records(github.Repository("acme", "native-db")));
        Assert.Equal(
            github.Repository("acme", "jit-db").Advisories.Select(a => (a.Summary, a.Description, a.Severity, a.Vulnerabilities.Count)),
            github.Repository("acme", "native-db").Advisories.Select(a => (a.Summary, a.Description, a.Severity, a.Vulnerabilities.Count)));
        Assert.NotEmpty(github.Repository("acme", "native-db").Advisories);
        Assert.Empty(github.Requests.ServerErrors);

        // The lifecycle commands change the advisories: last.
        CompareAll(binary, native, jit,
        [
            ["new", "--package", "PyPI/tessera", "--summary", "A new advisory"],
            ["assign-ids"],
            ["withdraw", "TSSA-2024-1", "--reason", "duplicate of TSSA-2024-2"],
            ["validate", "--no-cache"],
        ], variables);
    }

    /// <summary>Each command in the binary on one copy and in-process on the other: same exit code, output and files.</summary>
    private void CompareAll(string binary, string native, string jit, string[][] commands, Dictionary<string, string> variables)
    {
        foreach (var command in commands)
        {
            var (exit, stdout, stderr) = RunNative(binary, native, command, variables);
            var expected = InProcess(jit, command, variables);
            var shown = "advisory " + string.Join(' ', command);
            Assert.True(expected.ExitCode == exit, $"{shown}: exit {exit} in the native binary, {expected.ExitCode} in the JIT build\n{stdout}\n{stderr}");
            // In-process, the help names the test host; the binary names itself.
            Assert.Equal(Normalise(expected.Out, jit).Replace("testhost", "advisory", StringComparison.Ordinal), Normalise(stdout, native));
            Assert.Equal(Normalise(expected.Error, jit), Normalise(stderr, native));
            var (expectedTree, actualTree) = (Tree(jit), Tree(native));
            Assert.Equal(expectedTree.Keys, actualTree.Keys);
            foreach (var (file, content) in expectedTree)
                Assert.True(content == actualTree[file], $"{shown}: {file} differs\n--- JIT ---\n{content}\n--- native ---\n{actualTree[file]}");
            output.WriteLine($"{shown}: exit {exit}, same output and files");
        }
    }

    /// <summary>A copy of the repository's advisories in a folder of its own.</summary>
    private string Database(string name)
    {
        var root = _temp.Combine(name);
        var advisories = Path.Combine(root, "advisories");
        Directory.CreateDirectory(advisories);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(SharedData.RepositoryRoot, "advisories")))
            File.Copy(file, Path.Combine(advisories, Path.GetFileName(file)));
        return root;
    }

    private CliResult InProcess(string folder, string[] command, Dictionary<string, string> variables)
    {
        // The binary reads the system clock where a command takes no --now (withdraw, assign-ids): so does this side.
        var runner = new CliRunner(folder) { Clock = TimeProvider.System };
        foreach (var (name, value) in variables) runner.Variables[name] = value;
        return runner.Run(command);
    }

    private static (int Exit, string Out, string Error) RunNative(string binary, string folder, string[] command, Dictionary<string, string> variables)
    {
        var start = new ProcessStartInfo(binary)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in command) start.ArgumentList.Add(argument);
        start.Environment["XDG_CACHE_HOME"] = Path.Combine(folder, ".cache");
        foreach (var (name, value) in variables) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2))) process.Kill(entireProcessTree: true);
        return (process.ExitCode, stdout, stderr.Result);
    }

    /// <summary>The folder's path, and the moments of the system clock that the two runs read a few milliseconds apart.</summary>
    private static string Normalise(string text, string folder) =>
        ClockReading().Replace(text.Replace(folder, "<dir>", StringComparison.Ordinal), "<now>");

    private static System.Text.RegularExpressions.Regex CommitIds() => new(@"\b[0-9a-f]{7,40}\b");

    private static System.Text.RegularExpressions.Regex ClockReading() =>
        new($@"{DateTime.UtcNow:yyyy-MM-dd}T\d\d:\d\d:\d\d(\.\d+)?Z");

    /// <summary>Every file under the folder (but the cache) with its content, paths relative.</summary>
    private static SortedDictionary<string, string> Tree(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}.cache{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(path => Path.GetRelativePath(folder, path), path => Normalise(File.ReadAllText(path), folder)),
            StringComparer.Ordinal);
}
