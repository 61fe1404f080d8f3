using System.Collections.Concurrent;

namespace TradingBot.DevHost.ServiceBus;

/// <summary>
/// In-process Service Bus topics with the semantics the pipeline relies on (service-bus-tables-reliability.md §1):
/// every subscription of a topic gets its own copy; peek-lock with the subscription's lock duration; complete removes;
/// abandon and lapsed locks redeliver with DeliveryCount + 1; after MaxDeliveryCount the message is dead-lettered with
/// <c>MaxDeliveryCountExceeded</c>; time to live (capped by the entity defaults; expired messages dead-lettered with
/// <c>TTLExpiredException</c> when the subscription asks for it); duplicate detection by MessageId where a topic
/// requires it; scheduled messages (new sequence number on activation, cancellable). Time comes from the injected
/// clock, so tests fast-forward locks and TTLs. Sessions and filter rules are not emulated (the topology loader refuses them).
/// </summary>
public sealed class ServiceBusEmulator
{
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Topic> _topics;
    private readonly ConcurrentDictionary<string, long> _sent = new(StringComparer.OrdinalIgnoreCase);
    private long _sequence;

    public ServiceBusEmulator(ServiceBusTopology topology, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(topology);
        _time = time;
        _topics = topology.Topics.ToDictionary(t => t.Name, t => new Topic(t, [.. t.Subscriptions.Select(s => new SubscriptionQueue(t.Name, s, time))]),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Picks among the first available messages instead of the head (for tests that must not rely on order).</summary>
    public Func<int, int>? Shuffle { get; set; }

    public IEnumerable<TopicDefinition> Topics => _topics.Values.Select(t => t.Definition);

    public long LastSequenceNumber => Interlocked.Read(ref _sequence);

    /// <summary>
    /// Sends <paramref name="message"/> to every subscription of <paramref name="topic"/>. Returns the sequence number
    /// (of the scheduled message when it is scheduled), or null when duplicate detection discarded it (the send
    /// still succeeds, as in Service Bus).
    /// </summary>
    public long? Send(string topic, OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var entity = TopicOf(topic);
        Activate(entity);
        var now = _time.GetUtcNow();
        var messageId = message.MessageId ?? Guid.NewGuid().ToString("N");
        if (entity.Definition.RequiresDuplicateDetection && !entity.Remember(messageId, now))
        {
            return null;
        }

        var ttl = new[] { message.TimeToLive ?? TimeSpan.MaxValue, entity.Definition.DefaultMessageTimeToLive }.Min();
        var template = new BrokeredMessage
        {
            SequenceNumber = Interlocked.Increment(ref _sequence),
            MessageId = messageId,
            Body = message.Body.ToArray(),
            ContentType = message.ContentType,
            CorrelationId = message.CorrelationId,
            Subject = message.Subject,
            To = message.To,
            ReplyTo = message.ReplyTo,
            ApplicationProperties = new Dictionary<string, object>(message.ApplicationProperties, StringComparer.Ordinal),
            ExpiresAt = Add(now, ttl),
        };
        _sent.AddOrUpdate(entity.Definition.Name, 1, (_, count) => count + 1);
        if (message.ScheduledEnqueueTime is { } due && due > now)
        {
            entity.Scheduled[template.SequenceNumber] = (template, due, ttl);
            return template.SequenceNumber;
        }

        Publish(entity, template, now, ttl);
        return template.SequenceNumber;
    }

    /// <summary>Cancels scheduled message <paramref name="sequenceNumber"/>; false when it is unknown or already active.</summary>
    public bool CancelScheduled(string topic, long sequenceNumber) => TopicOf(topic).Scheduled.TryRemove(sequenceNumber, out _);

    public ReceivedMessage? TryReceive(string topic, string subscription)
    {
        var entity = TopicOf(topic);
        Activate(entity);
        return QueueOf(entity, subscription).TryReceive(Shuffle);
    }

    /// <summary>Raised after a message was completed (the benchmark measures end-to-end latency with it).</summary>
    public event Action<ReceivedMessage>? Completed;

    public void Complete(ReceivedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        QueueOf(message).Complete(message.LockToken);
        Completed?.Invoke(message);
    }

    public void Abandon(ReceivedMessage message, IReadOnlyDictionary<string, object>? propertiesToModify = null) =>
        QueueOf(message).Abandon(message.LockToken, propertiesToModify);

    public void DeadLetter(ReceivedMessage message, string reason, string? description = null) =>
        QueueOf(message).DeadLetter(message.LockToken, reason, description);

    public DateTimeOffset RenewLock(ReceivedMessage message) => QueueOf(message).Renew(message.LockToken);

    /// <summary>Completes when a message may be available in the subscription (poll <see cref="TryReceive"/> again).</summary>
    public Task WaitAsync(string topic, string subscription) => QueueOf(TopicOf(topic), subscription).Available;

    /// <summary>Activates due scheduled messages, expires messages and releases lapsed locks everywhere.</summary>
    public void Sweep()
    {
        foreach (var topic in _topics.Values)
        {
            Activate(topic);
            foreach (var queue in topic.Queues)
            {
                queue.Sweep();
            }

            topic.Forget(_time.GetUtcNow());
        }
    }

    public IReadOnlyList<ReceivedMessage> Peek(string topic, string subscription) => QueueOf(TopicOf(topic), subscription).Peek();

    public IReadOnlyList<ReceivedMessage> DeadLetters(string topic, string subscription) => QueueOf(TopicOf(topic), subscription).PeekDeadLetters();

    /// <summary>
    /// Moves dead-lettered message <paramref name="sequenceNumber"/> back into its subscription as a new message (new
    /// sequence number, delivery count 0, fresh time to live, dead-letter properties cleared). False when not found.
    /// </summary>
    public bool Resubmit(string topic, string subscription, long sequenceNumber)
    {
        var entity = TopicOf(topic);
        var queue = QueueOf(entity, subscription);
        if (queue.TakeDeadLetter(sequenceNumber) is not { } message)
        {
            return false;
        }

        var now = _time.GetUtcNow();
        var ttl = new[] { entity.Definition.DefaultMessageTimeToLive, queue.Definition.DefaultMessageTimeToLive }.Min();
        var copy = message.Copy();
        copy.SequenceNumber = Interlocked.Increment(ref _sequence);
        copy.DeliveryCount = 0;
        copy.EnqueuedTime = now;
        copy.ExpiresAt = Add(now, ttl);
        copy.DeadLetterReason = null;
        copy.DeadLetterErrorDescription = null;
        copy.DeadLetterSource = null;
        queue.Enqueue(copy);
        return true;
    }

    /// <summary>Messages accepted per topic since start (duplicates discarded by duplicate detection not counted).</summary>
    public IReadOnlyDictionary<string, long> SentCounts() => _sent.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<SubscriptionStatistics> Statistics() => [.. _topics.Values.SelectMany(t => t.Queues).Select(q => q.Statistics())];

    /// <summary>Everything stored (locks dropped, delivery counts kept), for <see cref="BrokerSnapshot"/>.</summary>
    internal BrokerState Export() => new(LastSequenceNumber, [.. _topics.Values.Select(t => new TopicState(t.Definition.Name,
        [.. t.Scheduled.Values.Select(s => new ScheduledState(s.Message.Copy(), s.Due, s.Ttl))],
        [.. t.Queues.Select(q => q.Export()).Select((e, i) => new SubscriptionState(t.Queues[i].Definition.Name, e.Active, e.DeadLetters))]))]);

    /// <summary>Restores <paramref name="state"/>; returns the messages of entities that no longer exist (not restored).</summary>
    internal int Import(BrokerState state)
    {
        var dropped = 0;
        Interlocked.Exchange(ref _sequence, Math.Max(_sequence, state.Sequence));
        foreach (var topic in state.Topics)
        {
            if (!_topics.TryGetValue(topic.Name, out var entity))
            {
                dropped += topic.Subscriptions.Sum(s => s.Active.Count + s.DeadLetters.Count) + topic.Scheduled.Count;
                continue;
            }

            foreach (var scheduled in topic.Scheduled)
            {
                entity.Scheduled[scheduled.Message.SequenceNumber] = (scheduled.Message, scheduled.Due, scheduled.Ttl);
            }

            foreach (var subscription in topic.Subscriptions)
            {
                if (entity.Queues.FirstOrDefault(q => string.Equals(q.Definition.Name, subscription.Name, StringComparison.OrdinalIgnoreCase)) is { } queue)
                {
                    queue.Import(subscription.Active, subscription.DeadLetters);
                }
                else
                {
                    dropped += subscription.Active.Count + subscription.DeadLetters.Count;
                }
            }
        }

        return dropped;
    }

    private void Activate(Topic topic)
    {
        if (topic.Scheduled.IsEmpty)
        {
            return;
        }

        var now = _time.GetUtcNow();
        foreach (var (sequence, (message, due, ttl)) in topic.Scheduled)
        {
            if (due <= now && topic.Scheduled.TryRemove(sequence, out _))
            {
                message.SequenceNumber = Interlocked.Increment(ref _sequence);
                Publish(topic, message, now, ttl);
            }
        }
    }

    private static void Publish(Topic topic, BrokeredMessage template, DateTimeOffset now, TimeSpan ttl)
    {
        foreach (var queue in topic.Queues)
        {
            var copy = template.Copy();
            copy.EnqueuedTime = now;
            copy.ExpiresAt = Add(now, new[] { ttl, queue.Definition.DefaultMessageTimeToLive }.Min());
            queue.Enqueue(copy);
        }
    }

    private static DateTimeOffset Add(DateTimeOffset now, TimeSpan ttl) => ttl >= DateTimeOffset.MaxValue - now ? DateTimeOffset.MaxValue : now + ttl;

    private Topic TopicOf(string topic) =>
        _topics.TryGetValue(topic, out var entity)
            ? entity
            : throw new InvalidOperationException($"Topic '{topic}' is not in the Service Bus topology (known: {string.Join(", ", _topics.Keys)}).");

    private static SubscriptionQueue QueueOf(Topic topic, string subscription) =>
        topic.Queues.FirstOrDefault(q => string.Equals(q.Definition.Name, subscription, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"Topic '{topic.Definition.Name}' has no subscription '{subscription}'.");

    private SubscriptionQueue QueueOf(ReceivedMessage message) => QueueOf(TopicOf(message.Topic), message.Subscription);

    private sealed class Topic(TopicDefinition definition, IReadOnlyList<SubscriptionQueue> queues)
    {
        private readonly ConcurrentDictionary<string, DateTimeOffset> _history = new(StringComparer.Ordinal);

        public TopicDefinition Definition { get; } = definition;

        public IReadOnlyList<SubscriptionQueue> Queues { get; } = queues;

        public ConcurrentDictionary<long, (BrokeredMessage Message, DateTimeOffset Due, TimeSpan Ttl)> Scheduled { get; } = new();

        /// <summary>False when <paramref name="messageId"/> was seen within the duplicate detection window.</summary>
        public bool Remember(string messageId, DateTimeOffset now)
        {
            var accepted = true;
            _history.AddOrUpdate(messageId, now, (_, seen) =>
            {
                if (now - seen < Definition.DuplicateDetectionWindow)
                {
                    accepted = false;
                    return seen;
                }

                return now;
            });
            return accepted;
        }

        public void Forget(DateTimeOffset now)
        {
            foreach (var (id, seen) in _history)
            {
                if (now - seen >= Definition.DuplicateDetectionWindow)
                {
                    _history.TryRemove(new KeyValuePair<string, DateTimeOffset>(id, seen));
                }
            }
        }
    }
}
