// The .baton.json parser, then the settings it gives a few paths.
#include <variant>

#include "engine/config.hpp"
#include "fuzz_support.hpp"
#include "rules/registry.hpp"

namespace baton::fuzz {

int config(const std::uint8_t* data, std::size_t size) {
  auto parsed = engine::parse_config(as_text(data, size), "fuzz.json", rules::registry());
  if (auto* config = std::get_if<engine::Config>(&parsed)) {
    const auto merged = engine::merge_config(*config, *config);
    for (const char* path : {"handoff.md", "a/b/HANDOFF.md", "distilled/x/y.md", ""}) {
      (void)engine::settings_for(merged, path);
    }
  }
  return 0;
}

}  // namespace baton::fuzz

BATON_FUZZ_ENTRY(config)
