namespace Coordination.Dissemination.Catalogue;

/// <summary>Why a file was refused: text keys the upload redirects with and the model page shows
/// (the page shows the text, never a text from the link).</summary>
internal static class AttachmentRefusals
{
    public static readonly string[] Reasons = ["AttachmentMissing", "AttachmentType", "AttachmentTooBig", "TooManyAttachments"];
}
