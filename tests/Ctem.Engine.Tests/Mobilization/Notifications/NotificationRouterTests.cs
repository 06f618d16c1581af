using Ctem.Core.Scoping;
using Ctem.Core.Scoring.Risk;
using Ctem.Engine.Mobilization.Notifications;
using Xunit;
using static Ctem.Engine.Tests.Mobilization.Notifications.NotificationSamples;

namespace Ctem.Engine.Tests.Mobilization.Notifications;

public sealed class NotificationRouterTests
{
    /// <summary>Cases: the channel's on, minPriority, products and owners; the event's kind, priority, product and owner → taken.</summary>
    public static TheoryData<NotificationKind[], Priority, string[], string[], NotificationKind, Priority, string, string?, bool> Cases => new()
    {
        { [NotificationKind.Kev], Priority.High, [], [], NotificationKind.Kev, Priority.High, "shop", "web", true },
        { [NotificationKind.Kev], Priority.High, [], [], NotificationKind.SlaBreached, Priority.Critical, "shop", "web", false },
        { [NotificationKind.Kev], Priority.High, [], [], NotificationKind.Kev, Priority.Medium, "shop", "web", false },
        { [NotificationKind.Kev], Priority.Low, [], [], NotificationKind.Kev, Priority.Unspecified, "shop", "web", false },
        { [NotificationKind.Kev], Priority.Low, ["shop"], [], NotificationKind.Kev, Priority.Low, "shop", null, true },
        { [NotificationKind.Kev], Priority.Low, ["blog"], [], NotificationKind.Kev, Priority.Low, "shop", null, false },
        { [NotificationKind.Kev], Priority.Low, [], ["web"], NotificationKind.Kev, Priority.Low, "shop", "web", true },
        { [NotificationKind.Kev], Priority.Low, [], ["web"], NotificationKind.Kev, Priority.Low, "shop", "Web", false },
        { [NotificationKind.Kev], Priority.Low, [], ["web"], NotificationKind.Kev, Priority.Low, "shop", null, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Takes_Case(NotificationKind[] on, Priority minPriority, string[] products, string[] owners, NotificationKind kind, Priority priority, string product, string? owner, bool expected)
    {
        var channel = new NotificationChannelSettings("c", ChannelType.Slack, on, minPriority) { Products = products, Owners = owners };
        var finding = Finding(1, priority == Priority.Unspecified ? Priority.Low : priority, 1, product, owner);
        var e = new NotificationEvent(kind, "k", priority == Priority.Unspecified ? finding with { Risk = null } : finding);

        Assert.Equal(expected, NotificationRouter.Takes(channel, e));
    }
}
