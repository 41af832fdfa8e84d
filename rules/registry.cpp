#include "rules/registry.hpp"

#include <array>

#include "rules/rules.hpp"

namespace baton::rules {

namespace {

// The one explicit list, sorted by code. Retired codes stay here as comments.
constexpr std::array all_rules{
    &unknown_format,        // HP001
    &section_missing,       // HP002
    &section_out_of_order,  // HP003
    &section_duplicated,    // HP004
    &unclosed_fence,        // HP005
    &section_blank,         // HP006
    &template_placeholder,  // HP007
    &title_drift,           // HP008
    &file_too_large,        // HP009
    &nesting_too_deep,      // HP010
    &handoff_too_long,      // HP011
    &format_template,       // HP012
    &section_empty,         // HP013
    &fence_in_fence,        // HP014
    &section0_not_first,    // HP101
    &skill_call_missing,    // HP102
    &vague_instruction,     // HP103
    &read_calls_missing,    // HP104
    &todowrite_missing,     // HP105
    &todowrite_invalid,     // HP106
    &checkpoint_missing,    // HP107
    &constraints_missing,   // HP108
    &action_in_section0,    // HP109
    &call_syntax,           // HP110
    &call_arguments,        // HP111
    &marker_with_content,   // HP112
    &path_not_absolute,     // HP201
    &path_in_table_not_absolute,  // HP202
    &path_missing_on_disk,  // HP203
    &code_path_not_absolute,  // HP204
    &key_path_not_absolute,   // HP205
    &ephemeral_path,          // HP206
    &planning_docs_blank,   // HP301
    &reread_blank,          // HP302
    &reread_mismatch,       // HP303
    &step7_missing,         // HP304
    &task_without_verification,   // HP401
    &verification_not_runnable,   // HP402
    &skill_resume_mismatch,       // HP403
    &artifact_state_blank,        // HP404
    &definition_of_done_missing,  // HP405
    &exact_position_missing,      // HP406
    &next_step_without_verification,  // HP407
    &resume_point_missing,            // HP408
    &state_yaml_invalid,          // HP501
    &state_schema,                // HP502
    &state_mismatch,              // HP503
    &secret_in_prompt,            // HP601
    &invisible_character,         // HP602
    &hidden_instruction,          // HP603
    &prompt_injection,            // HP604
    &contracts_missing,           // HP701
    &phases_missing,              // HP702
    &exit_criteria_missing,       // HP703
    &exit_criteria_vague,         // HP704
    &done_checklist_missing,      // HP705
    &test_commands_missing,       // HP706
    &risks_missing,               // HP707
    &rollback_missing,            // HP708
    &implementation_parts_missing,  // HP709
    &required_section_missing,  // HP801
    &section_order_mismatch,  // HP802
    &section_empty_without_marker,  // HP803
    &section_call_missing,  // HP804
    &section_path_not_absolute,  // HP805
    &unknown_rule_in_directive,   // HP901
    &unused_directive,            // HP902
    &unmatched_disable,           // HP903
};

}  // namespace

engine::Registry registry() { return all_rules; }

}  // namespace baton::rules
