using AdvisoryPipeline.Rendering.Mail;
using AdvisoryPipeline.Tests.Rendering.Markdown;
namespace AdvisoryPipeline.Tests.Rendering.Mail;
public class DumpTests
{
    [Fact]
    public void Dump()
    {
        Directory.CreateDirectory("/tmp/maildump");
        foreach (var v in SampleAdvisories.Views)
        {
            var a = AnnouncementTextRenderer.Render([v], SampleAdvisories.Settings);
            File.WriteAllText($"/tmp/maildump/{v.Id}.txt", "Subject: " + a.Subject + "\nMessage-ID: " + a.MessageId + "\n\n" + a.Body);
        }
        var m = AnnouncementTextRenderer.Render([SampleAdvisories.View("TSSA-2026-3"), SampleAdvisories.View("TSSA-2025-2")], SampleAdvisories.Settings);
        File.WriteAllText("/tmp/maildump/multi.txt", "Subject: " + m.Subject + "\n\n" + m.Body);
    }
}
