using NgTradingBot.Core.Api;

namespace NgTradingBot.Core.History;

/// <summary>Answers 400 with the reason when a history list's paging or symbol is unusable, before the endpoint runs.</summary>
public sealed class PageQueryCheck : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.Arguments.OfType<PageQuery>().FirstOrDefault()?.Problem() is { } problem)
        {
            return ApiError.BadRequest(problem);
        }

        return await next(context);
    }
}
