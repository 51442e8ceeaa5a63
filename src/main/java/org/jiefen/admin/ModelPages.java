package org.jiefen.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jiefen.deploy.ModelKind;
import org.jiefen.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workbench pages: every model with its versions, deployers and running instances (and a
 * rollback button per older version), and the editor page, whose island gets the model and the
 * endpoints of {@link WorkbenchEndpoints} as JSON.
 */
@Controller
@WebPage
class ModelPages {

  private final Workbench workbench;
  private final FormSamples samples;
  private final WorkbenchTexts texts;
  private final ObjectMapper json;

  ModelPages(Workbench workbench, FormSamples samples, WorkbenchTexts texts, ObjectMapper json) {
    this.workbench = workbench;
    this.samples = samples;
    this.texts = texts;
    this.json = json;
  }

  @GetMapping("/admin/models")
  String list(Model model) {
    model.addAttribute("entries", workbench.models());
    return "models/list";
  }

  @GetMapping("/admin/models/{kind}/{id}")
  String edit(@PathVariable String kind, @PathVariable String id, @RequestParam(required = false) Integer version,
      Model model) throws JsonProcessingException {
    ModelKind k = ModelKinds.parse(kind);
    Workbench.Opened opened = workbench.open(k, id, version);
    String base = "/admin/models/" + ModelKinds.path(k) + "/" + id;
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("kind", ModelKinds.path(k));
    config.put("id", id);
    config.put("resourceName", opened.entry().resourceName());
    config.put("version", opened.version());
    config.put("latestVersion", opened.entry().latest().version());
    config.put("fromDraft", opened.fromDraft());
    Workbench.DraftInfo draft = opened.entry().draft();
    config.put("draftSavedAt", draft == null ? null : draft.savedAt());
    config.put("draftSavedBy", draft == null ? null : draft.savedBy());
    config.put("content", opened.content());
    config.put("sample", k == ModelKind.FORM ? samples.forForm(id) : Map.of());
    config.put("urls", Map.of("draft", base + "/draft", "check", base + "/check", "deploy", base + "/deploy",
        "list", "/admin/models"));
    model.addAttribute("opened", opened);
    model.addAttribute("entry", opened.entry());
    model.addAttribute("kindPath", ModelKinds.path(k));
    // In a <script type="application/json"> block only "</" could end it early.
    model.addAttribute("configJson", json.writeValueAsString(config).replace("</", "<\\/"));
    return "models/edit";
  }

  @PostMapping("/admin/models/{kind}/{id}/versions/{version}/rollback")
  String rollback(@PathVariable String kind, @PathVariable String id, @PathVariable int version, Principal user,
      java.util.Locale locale, RedirectAttributes redirect) {
    try {
      Workbench.Deployed deployed = workbench.rollback(ModelKinds.parse(kind), id, version, user.getName());
      redirect.addFlashAttribute("rolledBack", Map.of("id", id, "from", version, "to", deployed.version(),
          "unchanged", deployed.unchanged()));
    } catch (Workbench.CheckFailed e) {
      redirect.addFlashAttribute("rollbackRefused", Map.of("id", id, "from", version,
          "reason", texts.findings(e.report().errors(), locale).get(0).text()));
    }
    return "redirect:/admin/models";
  }
}
