using System.Text;
using Org.BouncyCastle.Bcpg.OpenPgp;

namespace AdvisoryPipeline.Tests.Rendering.Mail;

/// <summary>A cleartext-signed message taken apart as RFC 4880, section 7 describes.</summary>
internal sealed record ClearsignedMessage(IReadOnlyList<string> Headers, string Text, byte[] SignedBytes, PgpSignature Signature);

/// <summary>
/// The tests' own verifier, written from RFC 4880 independently of the signer: it undoes the framing
/// and checks signatures with BouncyCastle against the generated public key.
/// </summary>
internal static class OpenPgpVerification
{
    /// <summary>
    /// RFC 3156: the data a PGP/MIME signature covers is the first part exactly as sent, from after the boundary
    /// line up to the CRLF that precedes the next boundary.
    /// </summary>
    public static byte[] SignedPart(byte[] message, string boundary)
    {
        var raw = System.Text.Encoding.ASCII.GetString(message);
        var delimiter = "--" + boundary;
        var start = raw.IndexOf(delimiter + "\r\n", StringComparison.Ordinal) + delimiter.Length + 2;
        var end = raw.IndexOf("\r\n" + delimiter, start, StringComparison.Ordinal);
        return System.Text.Encoding.ASCII.GetBytes(raw[start..end]);
    }

    public static PgpSignature ReadSignature(string armored)
    {
        using var input = PgpUtilities.GetDecoderStream(new MemoryStream(Encoding.ASCII.GetBytes(armored)));
        var signatures = Assert.IsType<PgpSignatureList>(new PgpObjectFactory(input).NextPgpObject());
        Assert.Equal(1, signatures.Count);
        return signatures[0];
    }

    public static bool Verifies(PgpSignature signature, byte[] data, PgpPublicKeyRing keys)
    {
        var key = keys.GetPublicKey(signature.KeyId) ?? throw new InvalidOperationException($"No key {signature.KeyId:X16} in the ring.");
        signature.InitVerify(key);
        signature.Update(data);
        return signature.Verify();
    }

    public static ClearsignedMessage ParseClearsigned(string message)
    {
        var lines = message.Split('\n');
        Assert.Equal("-----BEGIN PGP SIGNED MESSAGE-----", lines[0]);
        var blank = Array.IndexOf(lines, "");
        var headers = lines[1..blank];
        var signatureStart = Array.IndexOf(lines, "-----BEGIN PGP SIGNATURE-----");
        Assert.True(signatureStart > blank, "no signature block");
        var text = lines[(blank + 1)..signatureStart].Select(line =>
        {
            if (!line.StartsWith('-')) return line;
            Assert.StartsWith("- ", line);
            return line[2..];
        }).ToList();
        var signedBytes = Encoding.UTF8.GetBytes(string.Join("\r\n", text.Select(l => l.TrimEnd(' ', '\t'))));
        return new ClearsignedMessage(headers, string.Join('\n', text), signedBytes, ReadSignature(string.Join('\n', lines[signatureStart..])));
    }
}
