using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Rendering.Mail;

/// <summary>
/// Pins what <c>advisory announce</c> prints for the example database: the announcement text of TSSA-2025-4, and the
/// complete email (RFC 5322, CRLF line ends, at a fixed clock) announcing TSSA-2025-4 and TSSA-2025-5 together.
/// Golden files in Rendering/Mail/Golden/.
/// </summary>
public sealed class AnnounceGoldenTests : IDisposable
{
    private const string Now = "2026-11-22T12:00:00Z";
    private readonly TempFolder _temp = new();
    private readonly CliRunner _cli;

    public AnnounceGoldenTests()
    {
        _temp.CopyFromRepository("advisories");
        _cli = new CliRunner(_temp.Path);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_announcement_text_of_one_advisory()
    {
        string[] args = ["announce", "TSSA-2025-4", "--now", Now];

        GoldenFile.Verify("Rendering/Mail/Golden/announce-TSSA-2025-4.txt", GoldenFile.Transcript(_cli.Run(args), args));
    }

    [Fact]
    public void The_email_announcing_two_advisories()
    {
        var result = _cli.Run("announce", "TSSA-2025-4", "TSSA-2025-5", "--eml", "--now", Now);

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        GoldenFile.Verify("Rendering/Mail/Golden/announce-TSSA-2025-4-TSSA-2025-5.eml", result.Out);
    }
}
