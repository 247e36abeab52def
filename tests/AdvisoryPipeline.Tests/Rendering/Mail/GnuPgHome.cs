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
/// the tests fail saying how to install it. gpg runs with --no-autostart, so no agent outlives a test, unless
/// the home is made <c>withAgent</c> (secret keys, decryption): its agent is then stopped when the home is disposed.
/// </summary>
internal sealed class GnuPgHome : IDisposable
{
    private readonly bool _withAgent;

    private static readonly Lazy<string?> InstallProblem = new(EnsureInstalled);

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <param name="withAgent">Let gpg start its agent, which holds secret keys: needed to generate keys and to decrypt.</param>
    public GnuPgHome(bool withAgent = false)
    {
        _withAgent = withAgent;
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

    /// <summary>The text of a cleartext-signed file as gpg recovers it, or an encrypted file's plaintext (needs the agent).</summary>
    public GpgResult Decrypt(string file) => Gpg("--decrypt", file);

    /// <summary>Any gpg command in this home, e.g. <c>--show-keys --with-colons FILE</c> or <c>--list-packets FILE</c>.</summary>
    public GpgResult Run(params string[] arguments) => Gpg(arguments);

    /// <summary>
    /// A new key pair in this home (needs the agent): an Ed25519 primary key that signs and a Curve25519 subkey that
    /// encrypts, as gpg makes them today, created at <paramref name="created"/> and valid for <paramref name="validity"/>
    /// (gpg's syntax: never, 30d, 2y). Returns its fingerprint and the armored public key.
    /// </summary>
    public (string Fingerprint, string ArmoredPublicKey) GenerateKey(string userId, DateTimeOffset created, string validity = "never")
    {
        if (!_withAgent) throw new InvalidOperationException("Generating keys needs a home with its agent.");
        string[] clock = ["--faked-system-time", created.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", System.Globalization.CultureInfo.InvariantCulture) + "!"];
        var generated = Gpg([.. clock, "--pinentry-mode", "loopback", "--passphrase", "", "--quick-gen-key", userId, "ed25519", "sign,cert", validity]);
        Assert.True(generated.ExitCode == 0, generated.ToString());
        var listed = Gpg("--with-colons", "--list-keys", userId);
        var fingerprint = listed.Status.Split('\n').First(line => line.StartsWith("fpr:", StringComparison.Ordinal)).Split(':')[9];
        var subkey = Gpg([.. clock, "--pinentry-mode", "loopback", "--passphrase", "", "--quick-add-key", fingerprint, "cv25519", "encr", validity]);
        Assert.True(subkey.ExitCode == 0, subkey.ToString());
        var exported = Gpg("--armor", "--export", fingerprint);
        Assert.True(exported.ExitCode == 0, exported.ToString());
        return (fingerprint, exported.Status);
    }

    public void Dispose()
    {
        if (_withAgent)
        {
            var start = new ProcessStartInfo("gpgconf") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in (string[])["--homedir", Directory, "--kill", "all"]) start.ArgumentList.Add(argument);
            start.Environment["GNUPGHOME"] = Directory;
            Run(start);
        }
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
        foreach (var argument in (string[])["--homedir", Directory, "--batch", "--no-tty", .. (_withAgent ? (string[])[] : ["--no-autostart"]), .. arguments])
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
