using System.ComponentModel;
using System.Diagnostics;

namespace AdvisoryPipeline.Tests.Rendering.Mail;

internal sealed record GpgResult(int ExitCode, string Status, string Messages)
{
    public override string ToString() => $"gpg exit {ExitCode}\n{Status}\n{Messages}";
}

/// <summary>
/// Debian's gpg in a throw-away GNUPGHOME, to check our signatures with a verifier we did not write.
/// gpg is installed on first use when it is missing and the tests run as root (CI containers); otherwise
/// the tests fail saying how to install it. gpg runs with --no-autostart, so no agent outlives a test.
/// </summary>
internal sealed class GnuPgHome : IDisposable
{
    private static readonly Lazy<string?> InstallProblem = new(EnsureInstalled);

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public GnuPgHome()
    {
        if (InstallProblem.Value is { } problem) throw new InvalidOperationException(problem);
        Directory = System.IO.Directory.CreateTempSubdirectory("gpg-").FullName;
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Directory { get; }

    public string WriteFile(string name, byte[] content)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Import(string armoredPublicKey)
    {
        var result = Gpg("--import", WriteFile("public.asc", System.Text.Encoding.ASCII.GetBytes(armoredPublicKey)));
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    /// <summary><c>gpg --verify</c> with machine-readable status lines (GOODSIG, VALIDSIG …) on stdout.</summary>
    public GpgResult Verify(params string[] files) => Gpg(["--status-fd", "1", "--verify", .. files]);

    /// <summary>The text of a cleartext-signed file as gpg recovers it.</summary>
    public GpgResult Decrypt(string file) => Gpg("--decrypt", file);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is no reason to fail a test that passed.
        }
    }

    private GpgResult Gpg(params string[] arguments)
    {
        var start = new ProcessStartInfo("gpg") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["--homedir", Directory, "--batch", "--no-tty", "--no-autostart", .. arguments])
            start.ArgumentList.Add(argument);
        start.Environment["GNUPGHOME"] = Directory;
        start.Environment["LC_ALL"] = "C";
        return Run(start);
    }

    private static GpgResult Run(ProcessStartInfo start)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start " + start.FileName);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish in {Timeout}.");
        }
        return new GpgResult(process.ExitCode, output.Result, error.Result);
    }

    private static string? EnsureInstalled()
    {
        if (IsInstalled()) return null;
        if (!Environment.IsPrivilegedProcess)
            return "gpg (GnuPG) is not installed and the tests do not run as root, so they cannot install it: run 'apt-get install gnupg' and test again.";
        var install = Tool("apt-get", "install", "-y", "gnupg");
        if (install.ExitCode != 0)
        {
            Tool("apt-get", "update");
            install = Tool("apt-get", "install", "-y", "gnupg");
        }
        return IsInstalled() ? null : "gpg is still missing after 'apt-get install -y gnupg':\n" + install;
    }

    private static bool IsInstalled()
    {
        try
        {
            var version = Tool("gpg", "--version");
            return version.ExitCode == 0 && version.Status.StartsWith("gpg (GnuPG) ", StringComparison.Ordinal);
        }
        catch (Win32Exception)
        {
            return false;
        }
    }

    private static GpgResult Tool(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        return Run(start);
    }
}
