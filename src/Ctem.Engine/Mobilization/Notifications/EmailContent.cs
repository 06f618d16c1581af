using System.Net;
using System.Text;

namespace Ctem.Engine.Mobilization.Notifications;

/// <summary>An e-mail's subject with a plain-text body and the same content as HTML (every value HTML-encoded).</summary>
public sealed record EmailContent(string Subject, string Text, string Html)
{
    public static EmailContent Of(IReadOnlyList<NotificationEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var subject = NotificationText.Subject(events);
        var text = new StringBuilder();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html><body>\n<h1>").Append(WebUtility.HtmlEncode(subject)).Append("</h1>\n");
        foreach (var e in events)
        {
            var heading = $"{NotificationKinds.Title(e.Kind)}: {e.Finding.Vulnerability.Id} in {e.Finding.ComponentPurl}";
            text.Append(heading).Append('\n');
            html.Append("<h2>").Append(WebUtility.HtmlEncode(heading)).Append("</h2>\n<ul>\n");
            foreach (var line in NotificationText.Details(e))
            {
                text.Append("  ").Append(line).Append('\n');
                html.Append("<li>").Append(WebUtility.HtmlEncode(line)).Append("</li>\n");
            }

            text.Append('\n');
            html.Append("</ul>\n");
        }

        text.Append("Sent by ctem; each event is sent once.\n");
        html.Append("<p>Sent by ctem; each event is sent once.</p>\n</body></html>\n");
        return new EmailContent(subject, text.ToString(), html.ToString());
    }
}
