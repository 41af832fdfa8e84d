#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// Secret detection shared by the secret-in-prompt rule and the session
// generator: a pure, linear scanner over raw text (no regular expressions).
// Tokens are found by their fixed provider prefixes and validated by their
// tail; private key blocks by their BEGIN line; passwords by the userinfo of
// `scheme://user:password@host` URLs.
namespace baton::rules::safety {

// Human names of the kinds of secret, as found in SecretMatch::kind.
inline constexpr std::string_view aws_access_key_kind = "AWS access key ID";
inline constexpr std::string_view github_token_kind = "GitHub token";
inline constexpr std::string_view gitlab_token_kind = "GitLab token";
inline constexpr std::string_view slack_token_kind = "Slack token";
inline constexpr std::string_view slack_webhook_kind = "Slack webhook URL";
inline constexpr std::string_view anthropic_key_kind = "Anthropic API key";
inline constexpr std::string_view openai_key_kind = "OpenAI API key";
inline constexpr std::string_view google_key_kind = "Google API key";
inline constexpr std::string_view stripe_key_kind = "Stripe secret key";
inline constexpr std::string_view private_key_kind = "private key block";
inline constexpr std::string_view url_password_kind = "password in URL";

struct SecretMatch {
  std::size_t offset = 0;  // into the scanned text
  std::size_t length = 0;  // for a password in a URL: the password only
  std::string_view kind;   // one of the *_kind names above (static storage)
};

// Every secret in `text`, sorted by offset and non-overlapping (when two
// candidates overlap, the one that starts first wins; at the same start the
// longer one). Linear in the size of the text.
std::vector<SecretMatch> find_secrets(std::string_view text);

// A description of a secret that is safe to print: never more than 4 of its
// characters.
//   "ghp_0123…"            -> "ghp_… (40 characters)"
//   a private key block    -> "-----BEGIN RSA PRIVATE KEY----- block"
//   "https://u:pw@host/x"  -> "https://u:****@host"
//   a Slack webhook URL    -> "https://hooks.slack.com/services/… (79 characters)"
// Short strings show fewer characters (a quarter of them, at most 4).
std::string mask_secret(std::string_view secret);

// mask_secret for a match, with its context: for a password in a URL, the
// masked URL around it ("postgres://admin:****@db.internal").
std::string mask_match(std::string_view text, const SecretMatch& match);

// `text` with every secret replaced by "[REDACTED <kind>]"; a password in a
// URL becomes "[REDACTED]" and keeps its scheme, user and host:
// "https://user:[REDACTED]@host".
std::string redact_secrets(std::string_view text);

}  // namespace baton::rules::safety
