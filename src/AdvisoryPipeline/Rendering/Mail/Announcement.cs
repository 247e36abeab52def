namespace AdvisoryPipeline.Rendering.Mail;

/// <summary>
/// A mailing-list announcement of one or several advisories: its subject, its plain-text body
/// (<c>\n</c> line ends, lines of at most 72 columns except unbreakable URLs and code), and the
/// Message-ID (without angle brackets) that the same advisories at the same revision always get.
/// </summary>
public sealed record Announcement(string Subject, string Body, string MessageId);
