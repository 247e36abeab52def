using System.Text.Json.Serialization;

namespace AdvisoryPipeline.Configuration;

/// <summary>
/// One list of <c>prenotify:</c> in <c>database.yaml</c> (e.g. <c>distros</c>): who is told of an embargoed advisory
/// before its public date, by <c>advisory prenotify ID --to LIST</c>, in a signed mail encrypted to each recipient's key.
/// </summary>
/// <param name="Recipients">The addresses, each with its OpenPGP public key file (relative to <c>database.yaml</c>).</param>
/// <param name="MaxEmbargoDays">The longest embargo the list accepts, from the moment of sending (the distros list: 14 days).</param>
/// <param name="Delivery">One message per recipient, each encrypted to that recipient's key, or one message encrypted to every key.</param>
/// <param name="Subject">
/// Subject template: <c>{id}</c>, <c>{summary}</c>; the distros list wants <c>[vs]</c> in front. The subject is the one
/// part of the mail that is not encrypted, so the default names the ID only.
/// </param>
public sealed record PrenotifyListConfig(
    IReadOnlyList<PrenotifyRecipientConfig> Recipients,
    int MaxEmbargoDays = PrenotifyListConfig.DefaultMaxEmbargoDays,
    PrenotifyDelivery Delivery = PrenotifyDelivery.PerRecipient,
    string Subject = PrenotifyListConfig.DefaultSubject)
{
    /// <summary>The distros list's maximum: "The maximum acceptable embargo period for issues disclosed to these lists is 14 days."</summary>
    public const int DefaultMaxEmbargoDays = 14;

    public const string DefaultSubject = "[vs] Embargoed security issue: {id}";
}

/// <param name="Address">The recipient's mail address.</param>
/// <param name="Key">The recipient's OpenPGP public key file; a recipient without one is refused when sending.</param>
public sealed record PrenotifyRecipientConfig(string Address, string? Key = null);

/// <summary>How a pre-notification reaches several recipients.</summary>
public enum PrenotifyDelivery
{
    /// <summary>One message per recipient, encrypted to that recipient's key only: no one learns who else was told.</summary>
    [JsonStringEnumMemberName("per_recipient")] PerRecipient,

    /// <summary>One message to every recipient, encrypted to all their keys.</summary>
    [JsonStringEnumMemberName("together")] Together,
}
