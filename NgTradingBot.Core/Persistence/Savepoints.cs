using Npgsql;

namespace NgTradingBot.Core.Persistence;

public static class Savepoints
{
    /// <summary>
    /// Rolls back to <paramref name="savepoint"/> after a statement failed, and drops the connection's prepared statements.
    /// When the statement that failed was being auto-prepared by that very run, Npgsql 10.0.3 keeps it as prepared but
    /// without its result description, and its next run on this pooled connection fails with "Received unexpected backend
    /// message DataRow": a trades sync after one whose row overflowed a column answered 503, and an ingest batch after a
    /// refused message would fail again on every retry that reached that connection. Only failures pay for re-preparing.
    /// </summary>
    public static async Task RollBackFailedStatementAsync(this NpgsqlTransaction transaction, string savepoint)
    {
        await transaction.RollbackAsync(savepoint);
        // Npgsql has no asynchronous form of this one; it runs only after a failure.
        transaction.Connection!.UnprepareAll();
    }
}
