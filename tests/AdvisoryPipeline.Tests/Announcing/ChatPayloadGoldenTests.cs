using System.Text;
using AdvisoryPipeline.Announcing;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Announcing;

/// <summary>
/// Pins the payload each chat service receives for one example advisory (TSSA-2025-4), and for the withdrawn notice of
/// another (TSSA-2025-3): Slack's blocks and fallback, Discord's content and embed, Matrix's notice and its transaction
/// ID. Golden files in Announcing/Golden/.
/// </summary>
public sealed class ChatPayloadGoldenTests
{
    [Theory]
    [InlineData("TSSA-2025-4", ChatNotice.Announced)]
    [InlineData("TSSA-2025-3", ChatNotice.Withdrawn)]
    public void Payloads_of_an_example_advisory(string id, ChatNotice notice)
    {
        var announcement = ChatAnnouncement.From(ExampleDatabase.Record(id), ExampleDatabase.Settings, notice);
        var suffix = notice == ChatNotice.Withdrawn ? "-withdrawn" : "";

        GoldenFile.Verify($"Announcing/Golden/slack-{id}{suffix}.json", Encoding.UTF8.GetString(SlackMessage.Payload(announcement)));
        GoldenFile.Verify($"Announcing/Golden/discord-{id}{suffix}.json", Encoding.UTF8.GetString(DiscordMessage.Payload(announcement)));
        GoldenFile.Verify($"Announcing/Golden/matrix-{id}{suffix}.json", Encoding.UTF8.GetString(MatrixMessage.Payload(announcement)));
        GoldenFile.Verify($"Announcing/Golden/matrix-{id}{suffix}.txn", MatrixMessage.TransactionId(announcement) + "\n");
    }
}
