using System.Collections.Frozen;
using System.Text.Json;
using Mbk.Domain.Common;
using StackExchange.Redis;

namespace Mbk.Portal.Infrastructure.Live;

/// <summary>
/// The live bus across instances (<c>Redis:Configuration</c> set): <see cref="PublishAsync"/> hands the event to Redis
/// pub/sub (fire and forget: a write never waits for Redis either) and returns; every instance, this one included,
/// receives it from Redis once, in publish order, and delivers it through its own <see cref="InProcessLiveEventBus"/> to
/// its read models, circuits and hub forwarder. An event therefore reaches each instance exactly once, and each hub
/// client once, from the instance it is connected to (SignalR itself needs no Redis backplane: with one, every
/// instance's forwarder would send every event to every client once more).
/// </summary>
public sealed partial class RedisLiveEventBus : ILiveEventBus, IDisposable
{
    public const string ChannelName = "mbk:live";

    private static readonly RedisChannel Channel = RedisChannel.Literal(ChannelName);

    private static readonly FrozenDictionary<string, Type> EventTypes = typeof(IOfficeEvent).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IOfficeEvent).IsAssignableFrom(t))
        .ToFrozenDictionary(t => t.FullName!, StringComparer.Ordinal);

    private readonly InProcessLiveEventBus _local;
    private readonly IConnectionMultiplexer _redis;
    private readonly ISubscriber _subscriber;
    private readonly ChannelMessageQueue _queue;
    private readonly ILogger<RedisLiveEventBus> _logger;

    public RedisLiveEventBus(InProcessLiveEventBus local, IConnectionMultiplexer redis, ILogger<RedisLiveEventBus> logger)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _local = local;
        _redis = redis;
        _logger = logger;
        _subscriber = redis.GetSubscriber();
        _queue = _subscriber.Subscribe(Channel);
        // One message at a time, in the order Redis delivers them: the order events were published.
        _queue.OnMessage(ReceivedAsync);
    }

    public Task PublishAsync(IOfficeEvent officeEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(officeEvent);
        var type = officeEvent.GetType().FullName!;
        var payload = JsonSerializer.Serialize(new Envelope(type, JsonSerializer.SerializeToElement(officeEvent, officeEvent.GetType())));
        _subscriber.Publish(Channel, payload, CommandFlags.FireAndForget);
        return Task.CompletedTask;
    }

    public IDisposable Subscribe(int officeId, Func<IOfficeEvent, Task> handler) => _local.Subscribe(officeId, handler);

    public IDisposable SubscribeAll(Func<IOfficeEvent, Task> handler) => _local.SubscribeAll(handler);

    /// <summary>Stops receiving and closes the connection (the bus owns it).</summary>
    public void Dispose()
    {
        _queue.Unsubscribe();
        _redis.Dispose();
    }

    /// <summary>Turns a message back into its event (null for anything this version does not know).</summary>
    public static IOfficeEvent? Read(string payload)
    {
        var envelope = JsonSerializer.Deserialize<Envelope>(payload);
        return envelope is not null && EventTypes.TryGetValue(envelope.Type, out var type)
            ? envelope.Event.Deserialize(type) as IOfficeEvent
            : null;
    }

    private async Task ReceivedAsync(ChannelMessage message)
    {
        IOfficeEvent? officeEvent;
        try
        {
            officeEvent = Read(message.Message.ToString());
        }
        catch (JsonException ex)
        {
            LogUnreadable(_logger, ex);
            return;
        }

        if (officeEvent is null)
        {
            LogUnknown(_logger);
            return;
        }

        await _local.PublishAsync(officeEvent).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live event from Redis could not be read; it is skipped")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live event from Redis is of a kind this instance does not know (another version?); it is skipped")]
    private static partial void LogUnknown(ILogger logger);

    private sealed record Envelope(string Type, JsonElement Event);
}
