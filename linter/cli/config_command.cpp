#include "cli/config_command.hpp"

#include <nlohmann/json.hpp>

#include "cli/cli.hpp"
#include "cli/inputs.hpp"
#include "document/document.hpp"
#include "engine/config_resolver.hpp"
#include "engine/profile.hpp"
#include "format/config_schema.hpp"
#include "rules/registry.hpp"

namespace baton::cli {

int show_config(const std::string& file, const std::optional<std::string>& config_file,
                std::ostream& out, std::ostream& err) {
  using json = nlohmann::ordered_json;
  try {
    engine::ConfigResolver resolver(config_file ? std::optional<std::filesystem::path>(*config_file) : std::nullopt,
                            rules::registry());
    const auto* resolved = resolver.for_file(file);
    engine::FileSettings settings;
    if (resolved) settings = engine::ConfigResolver::settings(*resolved, file);
    json rules = json::object();
    for (const auto* rule : rules::registry()) {
      std::string severity(engine::to_string(rule->default_severity));
      if (const auto it = settings.rules.find(rule->code); it != settings.rules.end()) {
        severity = it->second ? std::string(engine::to_string(*it->second)) : "off";
      }
      rules[std::string(rule->code)] = severity;
    }
    // The profile the file would be checked under, and why: configured, or
    // detected from the file itself when it can be read.
    json profile = settings.profile_spec ? json(settings.profile_spec->name)
                   : settings.profile    ? json(engine::to_string(*settings.profile))
                                         : json("detected from the content");
    json detected_by = settings.profile ? json("config") : json(nullptr);
    json reason = settings.profile ? json("the configuration") : json(nullptr);
    if (!settings.profile) {
      std::string error;
      if (auto text = read_file(file, error)) {
        const auto document = doc::build_document(source::SourceFile(file, std::move(*text)));
        const auto detected = engine::detect_profile(document, settings.profile_definitions);
        profile = detected.spec && detected.profile == engine::Profile::custom
                      ? json(detected.spec->name)
                      : json(engine::to_string(detected.profile));
        detected_by = engine::to_string(detected.detected_by);
        reason = detected.reason;
      }
    }
    json definition_names = json::array();
    for (const auto& spec : settings.profile_definitions) definition_names.push_back(spec->name);
    const auto project_root = settings.project_root ? settings.project_root : engine::enclosing_work_tree(file);
    json shown = {{"file", file},
                  {"configuration", resolved ? json(resolved->config.origin) : json(nullptr)},
                  {"ignored", settings.ignored},
                  {"profile", profile},
                  {"profile_detected_by", detected_by},
                  {"profile_reason", reason},
                  {"profile_definitions", definition_names},
                  {"max_file_size", settings.max_file_size.value_or(doc::Limits{}.max_file_size)},
                  {"project_root", project_root ? json(*project_root) : json(nullptr)},
                  {"project_root_from", settings.project_root ? "configuration"
                                        : project_root        ? "git work tree"
                                                              : "none"},
                  {"rules", rules}};
    out << shown.dump(2) << '\n';
    return exit_ok;
  } catch (const engine::ConfigFailure& failure) {
    err << "baton: error: " << failure.what() << '\n';
    return exit_usage_or_io;
  }
}

int print_config_schema(std::ostream& out) {
  out << format::config_schema(rules::registry());
  return exit_ok;
}

}  // namespace baton::cli
