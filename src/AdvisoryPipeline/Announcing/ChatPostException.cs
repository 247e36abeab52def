using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Announcing;

/// <summary>
/// A chat service refused a post or could not be reached after the retries. The message names the channel and what
/// the service answered, cleaned of secrets (<see cref="Secrets"/>); it carries no inner exception, whose text
/// could hold a webhook URL.
/// </summary>
public sealed class ChatPostException(string message) : OperationFailedException(message);
