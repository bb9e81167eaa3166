namespace Graph.Api.Import;

/// <summary>
/// A logger for work begun before the host's logging exists (<see cref="EarlySeedRead"/>): it keeps each entry, with its
/// state, until it is given the logger to pass them to, then passes those on in order and every later entry straight away.
/// Entries of work that is dropped instead are dropped with it. (Microsoft.Extensions.Logging buffers only within a host's
/// own logging, which does not exist yet when this logs.)
/// </summary>
internal sealed class LaterLogger<T> : ILogger<T>
{
    private readonly Lock gate = new();
    private List<Action<ILogger>>? kept = [];
    private ILogger? target;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull
    {
        lock (gate) return target?.BeginScope(state);
    }

    // Until the logger is known every level is kept: its own filters apply when the entries are passed on.
    public bool IsEnabled(LogLevel logLevel)
    {
        lock (gate) return target?.IsEnabled(logLevel) ?? logLevel != LogLevel.None;
    }

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ILogger logger;
        lock (gate)
        {
            if (target is null)
            {
                kept!.Add(to => to.Log(logLevel, eventId, state, exception, formatter));
                return;
            }

            logger = target;
        }

        logger.Log(logLevel, eventId, state, exception, formatter);
    }

    /// <summary>Passes the kept entries to <paramref name="logger"/>, and from now on every entry; once.</summary>
    public void PassTo(ILogger logger)
    {
        lock (gate)
        {
            if (kept is null) throw new InvalidOperationException("The entries were passed on already.");
            foreach (var entry in kept) entry(logger);
            (kept, target) = (null, logger);
        }
    }
}
