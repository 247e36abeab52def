namespace AdvisoryPipeline.Publishing;

/// <summary>
/// Checks generated OSV JSON against the OSV schema before anything is published. The publisher validates every
/// record it is about to write; one invalid record refuses the whole publish.
/// </summary>
public interface IRecordValidator
{
    /// <returns>One message per problem (such as "/affected/0/package: 'name' is required"); empty when valid.</returns>
    IReadOnlyList<string> Validate(ReadOnlyMemory<byte> canonicalJson);
}
