using System.Text;

namespace AdvisoryPipeline.OpenPgp;

/// <summary>
/// The fingerprint of an OpenPGP key, and the one place that formats it. People compare fingerprints by eye
/// between the policy page, SECURITY.md, security.txt and their keyring, so every output shows
/// <see cref="Display"/>: upper-case hex in groups of four separated by single spaces (gpg's grouping without its
/// double space, which HTML would collapse and so show differently).
/// </summary>
public sealed record OpenPgpFingerprint
{
    public OpenPgpFingerprint(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) throw new ArgumentException("A fingerprint has bytes.", nameof(bytes));
        Hex = Convert.ToHexString(bytes);
    }

    /// <summary>Upper-case hex without spaces, as <c>gpg --with-colons</c> gives it.</summary>
    public string Hex { get; }

    /// <summary>What people read: <c>AFCA 9D14 7B1F 0CF5 013C 1F08 5871 C067 4AB6 A502</c>.</summary>
    public string Display
    {
        get
        {
            var text = new StringBuilder(Hex.Length + Hex.Length / 4);
            for (var i = 0; i < Hex.Length; i += 4)
            {
                if (i > 0) text.Append(' ');
                text.Append(Hex.AsSpan(i, Math.Min(4, Hex.Length - i)));
            }
            return text.ToString();
        }
    }

    /// <summary>The key as a URI (<c>openpgp4fpr:afca9d14…</c>), as RFC 9116 writes it in security.txt's Encryption field.</summary>
    public string Uri => "openpgp4fpr:" + Hex.ToLowerInvariant();

    public override string ToString() => Display;
}
