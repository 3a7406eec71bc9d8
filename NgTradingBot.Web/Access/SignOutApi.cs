using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace NgTradingBot.Web.Access;

public static class SignOutApi
{
    /// <summary>POST /signout from the layout's form; like every form, it needs its antiforgery token.</summary>
    public static IEndpointRouteBuilder MapSignOut(this IEndpointRouteBuilder app)
    {
        app.MapPost(OperatorAccess.SignOutPath, SignOutAsync);
        return app;
    }

    // Checked here: the antiforgery middleware only records its verdict, and this endpoint binds no form that would act on it.
    private static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Json(new { message = "The form's antiforgery token is missing or wrong", status = "error" }, statusCode: StatusCodes.Status400BadRequest);
        }

        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.LocalRedirect(OperatorAccess.SignInPath);
    }
}
