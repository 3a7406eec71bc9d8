using System.Linq.Expressions;

namespace NgTradingBot.Core.History;

/// <summary>
/// One page of a list read newest first by a time with an id breaking ties: the page's from/to window, the keyset
/// cursor (rows strictly before the last one returned), the order and one row more than the page holds, composed
/// as a single Where for EF to translate; the values go in as query parameters, so the plan is shared.
/// </summary>
internal static class NewestFirst
{
    public static IQueryable<T> Page<T>(IQueryable<T> rows, Expression<Func<T, DateTimeOffset>> time, Expression<Func<T, long>> tie, PageQuery page)
    {
        var row = time.Parameters[0];
        var at = time.Body;
        var id = new ParameterSwap(tie.Parameters[0], row).Visit(tie.Body);
        var conditions = new List<Expression>();
        if (page.FromTime is { } from)
        {
            conditions.Add(Expression.GreaterThanOrEqual(at, Value(from)));
        }
        if (page.ToTime is { } to)
        {
            conditions.Add(Expression.LessThan(at, Value(to)));
        }
        if (page.After is { } after)
        {
            var key = Value(after.KeyTime);
            conditions.Add(Expression.OrElse(Expression.LessThan(at, key),
                Expression.AndAlso(Expression.Equal(at, key), Expression.LessThan(id, Value(after.Tie)))));
        }

        if (conditions.Count > 0)
        {
            rows = rows.Where(Expression.Lambda<Func<T, bool>>(conditions.Aggregate(Expression.AndAlso), row));
        }
        return rows.OrderByDescending(time).ThenByDescending(tie).Take(page.Size + 1);
    }

    // A captured value, which EF sends as a parameter (a constant would be inlined into the SQL and its plan).
    private static Expression Value<TValue>(TValue value)
    {
        Expression<Func<TValue>> captured = () => value;
        return captured.Body;
    }

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
