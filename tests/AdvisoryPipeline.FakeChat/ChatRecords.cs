using System.Text.Json;

namespace AdvisoryPipeline.FakeChat;

/// <summary>Every request as it arrived (faulted ones included), in order.</summary>
/// <param name="Fault">The fault applied, or null.</param>
public sealed record ChatRequest(string Method, string Path, string Query, string? Authorization, string Body, string? Fault);

/// <summary>A message the service accepted and shows in the channel: what the tests count to find duplicates.</summary>
/// <param name="Service">slack, discord or matrix.</param>
/// <param name="Channel">The webhook path, or the Matrix room ID.</param>
public sealed record ChatMessage(string Service, string Channel, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();
}
