namespace TradingBot.DevHost.ServiceBus;

/// <summary>
/// One subscription's messages under peek-lock (service-bus-tables-reliability.md §1.2–§1.5): active messages in
/// sequence order (an abandoned message keeps its place, i.e. reappears at or near the head), the locks of current
/// deliveries, and the dead-letter queue. Expiry and lapsed locks are evaluated lazily on every operation.
/// </summary>
internal sealed class SubscriptionQueue(string topic, SubscriptionDefinition definition, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, BrokeredMessage> _active = [];
    private readonly Dictionary<Guid, BrokeredMessage> _locked = [];
    private readonly List<BrokeredMessage> _deadLetters = [];
    private TaskCompletionSource _available = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DateTimeOffset _earliestExpiry = DateTimeOffset.MaxValue;
    private long _delivered;
    private long _completed;
    private long _abandoned;

    public string Topic { get; } = topic;

    public SubscriptionDefinition Definition { get; } = definition;

    public string Path => $"{Topic}/Subscriptions/{Definition.Name}";

    /// <summary>Completes when a message may have become available (a send, an abandon, a lapsed lock found by a sweep).</summary>
    public Task Available
    {
        get
        {
            lock (_gate)
            {
                return _available.Task;
            }
        }
    }

    public void Enqueue(BrokeredMessage message)
    {
        lock (_gate)
        {
            _active[message.SequenceNumber] = message;
            Track(message);
            Signal();
        }
    }

    /// <summary>Locks the next available message for <see cref="SubscriptionDefinition.LockDuration"/> (<paramref name="pick"/> chooses among the first few: shuffle mode).</summary>
    public ReceivedMessage? TryReceive(Func<int, int>? pick = null)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            Sweep(now);
            var candidates = _active.Values.Where(m => m.LockToken is null).Take(pick is null ? 1 : 16).ToList();
            if (candidates.Count == 0)
            {
                return null;
            }

            var message = candidates[pick is null ? 0 : pick(candidates.Count)];
            message.DeliveryCount++;
            message.LockToken = Guid.NewGuid();
            message.LockedUntil = now + Definition.LockDuration;
            _locked[message.LockToken.Value] = message;
            _delivered++;
            return message.View(Topic, Definition.Name);
        }
    }

    public void Complete(Guid lockToken)
    {
        lock (_gate)
        {
            var message = Owned(lockToken);
            _locked.Remove(lockToken);
            _active.Remove(message.SequenceNumber);
            _completed++;
        }
    }

    /// <summary>Releases the lock now; the next delivery counts one more. Past <see cref="SubscriptionDefinition.MaxDeliveryCount"/> the message is dead-lettered.</summary>
    public void Abandon(Guid lockToken, IReadOnlyDictionary<string, object>? propertiesToModify = null)
    {
        lock (_gate)
        {
            var message = Owned(lockToken);
            foreach (var (key, value) in propertiesToModify ?? new Dictionary<string, object>())
            {
                message.ApplicationProperties[key] = value;
            }

            _abandoned++;
            Release(message, time.GetUtcNow());
            Signal();
        }
    }

    public void DeadLetter(Guid lockToken, string reason, string? description)
    {
        lock (_gate)
        {
            var message = Owned(lockToken);
            _locked.Remove(lockToken);
            MoveToDeadLetter(message, reason, description);
        }
    }

    /// <summary>Extends the lock by <see cref="SubscriptionDefinition.LockDuration"/> from now; an expired lock cannot be renewed.</summary>
    public DateTimeOffset Renew(Guid lockToken)
    {
        lock (_gate)
        {
            var message = Owned(lockToken);
            message.LockedUntil = time.GetUtcNow() + Definition.LockDuration;
            return message.LockedUntil;
        }
    }

    /// <summary>Expires messages and releases lapsed locks now (also done lazily); wakes receivers when something became available.</summary>
    public void Sweep()
    {
        lock (_gate)
        {
            if (Sweep(time.GetUtcNow()))
            {
                Signal();
            }
        }
    }

    public IReadOnlyList<ReceivedMessage> Peek()
    {
        lock (_gate)
        {
            Sweep(time.GetUtcNow());
            return [.. _active.Values.Select(m => m.View(Topic, Definition.Name))];
        }
    }

    public IReadOnlyList<ReceivedMessage> PeekDeadLetters()
    {
        lock (_gate)
        {
            return [.. _deadLetters.Select(m => m.View(Topic, Definition.Name))];
        }
    }

    /// <summary>Removes dead-lettered message <paramref name="sequenceNumber"/> and returns it (for resubmission), or null.</summary>
    public BrokeredMessage? TakeDeadLetter(long sequenceNumber)
    {
        lock (_gate)
        {
            var message = _deadLetters.FirstOrDefault(m => m.SequenceNumber == sequenceNumber);
            if (message is not null)
            {
                _deadLetters.Remove(message);
            }

            return message;
        }
    }

    public SubscriptionStatistics Statistics()
    {
        lock (_gate)
        {
            return new SubscriptionStatistics(Topic, Definition.Name, _active.Count - _locked.Count, _locked.Count, _deadLetters.Count, _delivered, _completed,
                _abandoned);
        }
    }

    /// <summary>Every stored message (active ones unlocked, as after a broker restart), for a snapshot.</summary>
    public (IReadOnlyList<BrokeredMessage> Active, IReadOnlyList<BrokeredMessage> DeadLetters) Export()
    {
        lock (_gate)
        {
            return ([.. _active.Values.Select(m => m.Copy())], [.. _deadLetters.Select(m => m.Copy())]);
        }
    }

    public void Import(IEnumerable<BrokeredMessage> active, IEnumerable<BrokeredMessage> deadLetters)
    {
        lock (_gate)
        {
            foreach (var message in active)
            {
                _active[message.SequenceNumber] = message;
                Track(message);
            }

            _deadLetters.AddRange(deadLetters);
            Signal();
        }
    }

    private BrokeredMessage Owned(Guid lockToken)
    {
        var now = time.GetUtcNow();
        Sweep(now);
        return _locked.TryGetValue(lockToken, out var message) && message.LockedUntil > now
            ? message
            : throw new MessageLockLostException($"{Path}: the lock {lockToken} is lost (expired, settled, or never issued).");
    }

    private bool Sweep(DateTimeOffset now)
    {
        var changed = false;
        foreach (var lapsed in _locked.Values.Where(m => m.LockedUntil <= now).ToList())
        {
            Release(lapsed, now);
            changed = true;
        }

        if (now < _earliestExpiry)
        {
            return changed;
        }

        foreach (var expired in _active.Values.Where(m => m.LockToken is null && m.ExpiresAt <= now).ToList())
        {
            _active.Remove(expired.SequenceNumber);
            if (Definition.DeadLetteringOnMessageExpiration)
            {
                MoveToDeadLetter(expired, DeadLetterReasons.TtlExpired, "The message expired and was dead lettered.");
            }
        }

        // Locked messages are not expired while locked; they count again once released.
        _earliestExpiry = _active.Count == 0 ? DateTimeOffset.MaxValue : _active.Values.Min(m => m.LockToken is null ? m.ExpiresAt : m.LockedUntil);
        return changed;
    }

    /// <summary>Ends a delivery that did not complete (abandon or lapsed lock).</summary>
    private void Release(BrokeredMessage message, DateTimeOffset now)
    {
        _locked.Remove(message.LockToken!.Value);
        message.LockToken = null;
        message.LockedUntil = now;
        Track(message);
        if (message.DeliveryCount >= Definition.MaxDeliveryCount)
        {
            _active.Remove(message.SequenceNumber);
            MoveToDeadLetter(message, DeadLetterReasons.MaxDeliveryCountExceeded,
                $"Message could not be consumed after {Definition.MaxDeliveryCount} delivery attempts.");
        }
    }

    private void MoveToDeadLetter(BrokeredMessage message, string reason, string? description)
    {
        _active.Remove(message.SequenceNumber);
        message.LockToken = null;
        message.DeadLetterReason = reason;
        message.DeadLetterErrorDescription = description;
        message.DeadLetterSource = Path;
        _deadLetters.Add(message);
    }

    private void Track(BrokeredMessage message)
    {
        if (message.ExpiresAt < _earliestExpiry)
        {
            _earliestExpiry = message.ExpiresAt;
        }
    }

    private void Signal()
    {
        _available.TrySetResult();
        _available = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
