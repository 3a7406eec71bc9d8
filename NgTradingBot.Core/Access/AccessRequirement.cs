using Microsoft.AspNetCore.Authorization;

namespace NgTradingBot.Core.Access;

/// <summary>One requirement per policy, so a refusal can say in plain words what the route needs.</summary>
public sealed class AccessRequirement(string policy) : IAuthorizationRequirement
{
    public string Policy { get; } = policy;
}

public sealed class AccessRequirementHandler : AuthorizationHandler<AccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AccessRequirement requirement)
    {
        var caller = context.User;
        var (allowed, need) = requirement.Policy switch
        {
            AccessPolicies.Operator => (caller.IsOperator(), "the operator key"),
            AccessPolicies.Service => (caller.IsInRole(AccessRoles.Service), "the gateway's service key"),
            AccessPolicies.Trade => (caller.HasScope(AccessRoles.Trade), "the operator key or a strategy key with the trade scope"),
            AccessPolicies.ReadCommands => (caller.HasScope(AccessRoles.Trade) || caller.HasScope(AccessRoles.Read),
                "the operator key or a strategy key with the trade or read scope"),
            AccessPolicies.ReadAccounts => (caller.HasScope(AccessRoles.Read), "the operator key or a strategy key with the read scope"),
            _ => (false, $"an unknown policy {requirement.Policy}"),
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, $"This route needs {need}"));
        }
        return Task.CompletedTask;
    }
}
