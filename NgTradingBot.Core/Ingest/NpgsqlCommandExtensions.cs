using Npgsql;
using NpgsqlTypes;

namespace NgTradingBot.Core.Ingest;

/// <summary>
/// The little the raw Npgsql statements of the ingest path share: positional parameters ($1, $2, ... in
/// the order added) and rows read by ordinal.
/// </summary>
internal static class NpgsqlCommandExtensions
{
    /// <summary>
    /// Adds the next parameter, typed by <typeparamref name="T"/>: no boxing, and a null (a <c>long?</c>,
    /// a <c>string?</c>) still goes as a NULL of that type. <paramref name="type"/> only where the CLR type says too little.
    /// </summary>
    public static NpgsqlParameterCollection AddValue<T>(this NpgsqlParameterCollection parameters, T value, NpgsqlDbType? type = null)
    {
        var parameter = new NpgsqlParameter<T> { TypedValue = value };
        if (type is { } explicitType)
        {
            parameter.NpgsqlDbType = explicitType;
        }

        parameters.Add(parameter);
        return parameters;
    }

    /// <summary>Adds a statement to the batch; its parameters are numbered from $1 on their own.</summary>
    public static NpgsqlParameterCollection AddCommand(this NpgsqlBatch batch, string sql)
    {
        var command = new NpgsqlBatchCommand(sql);
        batch.BatchCommands.Add(command);
        return command.Parameters;
    }

    /// <summary>Sends the statements gathered so far, if any, and empties the batch for the next ones.</summary>
    public static async Task FlushAsync(this NpgsqlBatch batch)
    {
        if (batch.BatchCommands.Count == 0)
        {
            return;
        }

        await batch.ExecuteNonQueryAsync();
        batch.BatchCommands.Clear();
    }

    public static async Task<List<T>> ReadAllAsync<T>(this NpgsqlCommand command, Func<NpgsqlDataReader, T> map)
    {
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>The first row, or null when there is none (the callers look rows up by key).</summary>
    public static async Task<T?> ReadFirstOrDefaultAsync<T>(this NpgsqlCommand command, Func<NpgsqlDataReader, T> map) where T : class
    {
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? map(reader) : null;
    }
}
