using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using TradingBot.Core.Json;

namespace TradingBot.Functions.Api.Live;

/// <summary>
/// The in-process feed behind <c>/api/events</c>: what the functions of this instance did (candles stored, signals,
/// decisions, orders, fills) and what the API changed. Events are hints to refetch, not the record: a client that
/// misses some (another instance did the work, a buffer overflowed) still converges by reading the REST routes.
/// The newest <see cref="Capacity"/> events are kept so a reconnecting client resumes after its <c>Last-Event-ID</c>.
/// </summary>
public sealed class LiveEvents(TimeProvider time, IOptions<JsonOptions> json)
{
    public const int Capacity = 512;
    private const int SubscriberBuffer = 256;

    private readonly Lock _gate = new();
    private readonly Queue<LiveEvent> _recent = new();
    private readonly List<Channel<LiveEvent>> _subscribers = [];
    private long _sequence;

    public void Publish<TData>(string kind, TData data)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        var element = JsonSerializer.SerializeToElement(data, JsonContracts.Of<TData>(json.Value.SerializerOptions));
        lock (_gate)
        {
            var item = new LiveEvent(++_sequence, kind, time.GetUtcNow(), element);
            _recent.Enqueue(item);
            if (_recent.Count > Capacity)
            {
                _recent.Dequeue();
            }

            foreach (var subscriber in _subscribers)
            {
                // A subscriber too slow to keep up loses events (bounded buffer); it refetches on reconnect.
                subscriber.Writer.TryWrite(item);
            }
        }
    }

    /// <summary>Events after <paramref name="after"/> still kept, then every new one until the subscription is disposed.</summary>
    public Subscription Subscribe(long? after)
    {
        var channel = Channel.CreateBounded<LiveEvent>(new BoundedChannelOptions(SubscriberBuffer) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate)
        {
            var backlog = after is { } last ? [.. _recent.Where(e => e.Sequence > last)] : new List<LiveEvent>();
            _subscribers.Add(channel);
            return new Subscription(this, channel, backlog);
        }
    }

    private void Remove(Channel<LiveEvent> channel)
    {
        lock (_gate)
        {
            _subscribers.Remove(channel);
        }

        channel.Writer.TryComplete();
    }

    /// <summary>A client's view of the feed: the <see cref="Backlog"/> it missed, then <see cref="Reader"/>.</summary>
    public sealed class Subscription(LiveEvents owner, Channel<LiveEvent> channel, IReadOnlyList<LiveEvent> backlog) : IDisposable
    {
        public IReadOnlyList<LiveEvent> Backlog { get; } = backlog;

        public ChannelReader<LiveEvent> Reader => channel.Reader;

        public void Dispose() => owner.Remove(channel);
    }
}
