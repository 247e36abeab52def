namespace AdvisoryPipeline.Rendering.Mail.Signing;

/// <summary>How an announcement mail carries its OpenPGP signature.</summary>
public enum SignatureStyle
{
    /// <summary>The body is cleartext-signed text: readable everywhere, verifiable by pasting into gpg.</summary>
    Inline,

    /// <summary>RFC 3156 multipart/signed with a detached signature: verified by mail clients.</summary>
    PgpMime,
}
