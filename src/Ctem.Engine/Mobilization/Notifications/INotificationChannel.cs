namespace Ctem.Engine.Mobilization.Notifications;

/// <summary>A place notifications go: sends one message holding <paramref name="events"/>, and says whether it was accepted.</summary>
public interface INotificationChannel
{
    Task<Delivery> SendAsync(IReadOnlyList<NotificationEvent> events, CancellationToken cancellationToken);
}

/// <summary>A message accepted, or why not (never a secret or a URL that may hold one).</summary>
public sealed record Delivery(string? Error)
{
    public static Delivery Accepted { get; } = new((string?)null);

    public bool Succeeded => Error is null;

    public static Delivery Failed(string error) => new(error);
}

/// <summary>How patient channels are: retries with exponential back-off (from <see cref="RetryDelay"/>), and each attempt's time limit.</summary>
public sealed record NotificationOptions(int Retries, TimeSpan RetryDelay, TimeSpan Timeout)
{
    public static NotificationOptions Default { get; } = new(3, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(15));
}
