#pragma once

#include <span>
#include <string>
#include <vector>

#include "engine/diagnostic.hpp"
#include "source/source_file.hpp"

namespace baton::engine {

// Line-independent identities for the diagnostics of one file: a hash of the
// rule, the text of the diagnostic's first line (blanks collapsed) and the
// flagged text, plus ":N" for the N-th repeat of the same identity. Edits
// elsewhere in the file leave them unchanged, so baselines, SARIF
// partialFingerprints and GitLab fingerprints survive them.
std::vector<std::string> fingerprints(std::span<const Diagnostic> diagnostics,
                                      const source::SourceFile& source);

}  // namespace baton::engine
