namespace AdvisoryPipeline.Configuration;

/// <summary>
/// The commented <c>database.yaml</c> that <c>advisory init</c> writes: the required keys set, every other block
/// present as a commented example to uncomment (the security policy, pre-notification lists, chat channels), so that
/// a new database validates as written and shows what it can grow into. A site URL and a contact, when given, are
/// set: the contact becomes the policy's first contact and, for a <c>mailto:</c> one, the sender and reply address of
/// announcements; the rest of those blocks stays commented beside them.
/// </summary>
public static class DatabaseConfigTemplate
{
    /// <param name="name">The database's name.</param>
    /// <param name="idPrefix">Its ID prefix (checked by the caller).</param>
    /// <param name="siteUrl">Where the rendered site is published, or null for the commented example.</param>
    /// <param name="contact">Where to report (<c>mailto:</c>, <c>https:</c> or <c>tel:</c>), or null for the commented example.</param>
    public static string Text(string name, string idPrefix, string? siteUrl = null, string? contact = null)
    {
        var address = contact is not null && contact.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
            ? Uri.UnescapeDataString(contact["mailto:".Length..].Split('?')[0])
            : null;
        var site = siteUrl is null ? "# site_url: https://security.example.org/" : $"site_url: \"{Quoted(siteUrl)}\"";
        return $$"""
            # {{OneLine(name)}}: the settings of this advisory database. The `advisory` tool reads this file
            # before any advisory; README.md describes every key.

            # Shown as the database's title in rendered pages, feeds and announcement mails.
            name: "{{Quoted(name)}}"

            # The prefix of every advisory ID: {{idPrefix}}-<year>-<number>.
            id_prefix: {{idPrefix}}

            # The project's home page, and where the rendered site is published (an advisory's page is <site_url><id>/).
            # home_url: https://example.org/
            {{site}}

            # The announcement mail of each advisory.
            {{(address is null ? MailingListExample : MailingListFrom(address))}}
            # Where `advisory publish` writes the canonical OSV records.
            publish:
              targets:
                - "dir:out/osv"

            # The security policy: `advisory render` writes the site's policy page, SECURITY.md and
            # /.well-known/security.txt (RFC 9116) from it; `advisory policy --write` puts SECURITY.md in the repository.
            {{(contact is null ? PolicyExample : PolicyWith(contact))}}
            # Who hears of an embargoed advisory before its public date: `advisory prenotify ID --to distros`.
            # prenotify:
            #   distros:
            #     # The list's maximum embargo, from the moment of sending (distros: 14 days).
            #     max_embargo_days: 14
            #     # per_recipient: one message per recipient, each encrypted to that key; together: one for all keys.
            #     delivery: per_recipient
            #     # The subject is not encrypted: keep the summary out of it.
            #     subject: "[vs] Embargoed security issue: {id}"
            #     recipients:
            #       - address: distros@vs.openwall.org
            #         key: keys/distros.asc

            # Chat channels that `advisory announce --chat` posts published advisories to. Webhook URLs and
            # tokens are secrets: name the environment variables that hold them, never the values.
            # chat:
            #   slack:
            #     security-announce:
            #       webhook_env: SLACK_SECURITY_WEBHOOK
            #   discord:
            #     security-announce:
            #       webhook_env: DISCORD_SECURITY_WEBHOOK
            #   matrix:
            #     security-announce:
            #       homeserver: https://matrix.example.org
            #       room: "!AbCdEfGhIjKlMnOp:example.org"
            #       token_env: MATRIX_ANNOUNCE_TOKEN

            """;
    }

    private const string MailingListExample = """
        # mailing_list:
        #   to: security-announce@lists.example.org
        #   from: Example Security Team <security@example.org>
        #   reply_to: security@example.org
        #   subject: "[SECURITY] {id}: {summary}"

        """;

    private static string MailingListFrom(string address) => $$"""
        mailing_list:
          # to: security-announce@lists.example.org
          from: "{{Quoted(address)}}"
          reply_to: "{{Quoted(address)}}"
          # subject: "[SECURITY] {id}: {summary}"

        """;

    /// <summary>The policy's keys after <c>contacts</c>, commented, as lines under <c>policy:</c> (<c>#   key</c>).</summary>
    private const string PolicyRest = """
        #   # The team's OpenPGP public key, next to this file: gpg --export --armor KEYID > security-team.asc
        #   # The fingerprint is read from the key; `advisory validate` refuses an expired key, and one whose
        #   # user IDs do not carry the first mailto: contact.
        #   encryption_key: security-team.asc
        #   scope:
        #     - "The released packages and the source in the project's repositories"
        #   out_of_scope:
        #     - "Vulnerabilities of dependencies that are already public"
        #   report_template:
        #     - title: Affected artifacts and versions
        #     - title: Overview
        #       description: "One or two sentences: what is wrong and where."
        #     - title: Description
        #       description: "How to reproduce it, step by step, with a proof of concept if you have one."
        #     - title: Impact
        #     - title: Solution
        #       description: "A fix or a workaround, if you know one."
        #   handling:
        #     - "We confirm that we received your report within 3 working days."
        #     - "We assess it and tell you whether we accept it, and its severity."
        #     - "We fix it and agree on a public date with you."
        #     - "We publish the advisory and credit you, unless you ask us not to."
        #   embargo_days: 90
        #   safe_harbor: "We will not take legal action against good-faith research that follows this policy."
        #   bounty: "We do not offer a bug bounty."
        #   preferred_languages: [en]
        #   # security.txt's Expires: this many days after the first day of the render's month (at most 364).
        #   expires_after_days: 180

        """;

    private const string PolicyExample = """
        # policy:
        #   # Where to report, in order of preference (mailto:, https: or tel: URIs).
        #   contacts:
        #     - "mailto:security@example.org"

        """ + PolicyRest;

    private static string PolicyWith(string contact) => $"""
        policy:
          # Where to report, in order of preference (mailto:, https: or tel: URIs).
          contacts:
            - "{Quoted(contact)}"
        {InBlock(PolicyRest)}
        """;

    /// <summary>
    /// Commented lines of a block (<c>#   key: value</c>, <c>#   # comment</c>) as comments inside the active block
    /// (<c>  # key: value</c>, <c>  # comment</c>): uncommenting a key is then removing its <c># </c>.
    /// </summary>
    private static string InBlock(string commented) => string.Join('\n', commented.Split('\n').Select(line =>
        line.StartsWith("#   # ", StringComparison.Ordinal) ? "  # " + line["#   # ".Length..]
        : line.StartsWith("#   ", StringComparison.Ordinal) ? "  # " + line["#   ".Length..]
        : line));

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private static string Quoted(string text) => OneLine(text).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
