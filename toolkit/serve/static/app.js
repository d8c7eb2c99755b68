// The page: upload a briefing, start a job, poll its progress, offer the downloads.
// Plain script, no build step, no third-party code.
"use strict";

const TEXT = {
  nl: {
    skip: "Naar de inhoud",
    brand: "Briefing toolkit",
    languageNote: "Taal van deze pagina wijzigen",
    title: "Briefing omzetten",
    lead: "Kies een briefing (POI-tekst .txt, .docx, briefing-XML of een nagekeken XLIFF-bestand) en de hand-outs die u wilt. De bestanden blijven op deze computer.",
    xliffLegend: "XLIFF-invoer",
    xliffInHelp: "Een XLIFF-bestand geeft de vertaling die erin staat, in de taal van die vertaling.",
    allowUntranslated: "Zinnen zonder vertaling toestaan (de brontekst blijft staan)",
    learn: "Nagekeken zinnen bewaren in het vertaalgeheugen",
    learnHelp: "Zinnen met de status nagekeken of definitief gaan dan voortaan voor de machinevertaling.",
    bilingual: "Tweetalig: Nederlands en Engels naast elkaar",
    bilingualHelp: "De Engelse PDF en DOCX krijgen twee kolommen: links het Nederlands, rechts het Engels.",
    xlf: "XLIFF (voor vertalers)",
    xlfHelp: "Met Nederlands: alleen de brontekst, voor een vertaler. Met Engels: de machinevertaling, om na te kijken in een vertaalprogramma.",
    kind: { xliff: "vertaalbestand, alleen brontekst", "xliff-mt": "vertaalbestand met machinevertaling", bilingual: "tweetalig" },
    fileLabel: "Bestand",
    fileHelp: () => `Sleep een bestand hierheen of kies er een. Ten hoogste ${maxUpload} MB.`,
    langsLegend: "Talen",
    langNl: "Nederlands (origineel)",
    langEn: "Engels (machinevertaling)",
    enHelp: "De Engelse versie is een machinevertaling, gemaakt op deze computer.",
    noModel: "Er is geen vertaalmodel nl→en geïnstalleerd; vraag de beheerder: briefing models install-file.",
    formatsLegend: "Formaten",
    docx: "DOCX (Word)",
    xml: "XML (briefing-XML)",
    submit: "Omzetten",
    resultTitle: "Resultaat",
    idle: "Nog niets omgezet.",
    warnings: "Waarschuwingen",
    footer: "Alleen op deze computer. Het programmeerbare koppelvlak staat beschreven in ",
    chosen: "Gekozen: ",
    needFile: "kies eerst een bestand",
    needLang: "kies ten minste één taal",
    needFormat: "kies ten minste één formaat",
    waiting: "Wachten op een vrije plek…",
    reading: "Bestand lezen…",
    translating: "Vertalen naar het Engels…",
    translatingCount: (d, t) => `Vertalen naar het Engels: ${d} van ${t} zinnen…`,
    rendering: "Hand-outs maken…",
    done: (n) => `Klaar: ${n} ${n === 1 ? "bestand" : "bestanden"} om te downloaden.`,
    failed: "Omzetten is mislukt.",
    offline: "de server antwoordt niet; draait briefing serve nog?",
    other: "English",
  },
  en: {
    skip: "Skip to content",
    brand: "Briefing toolkit",
    languageNote: "Change the language of this page",
    title: "Convert a briefing",
    lead: "Choose a briefing (POI text .txt, .docx, briefing XML or a reviewed XLIFF file) and the handouts you want. The files stay on this computer.",
    xliffLegend: "XLIFF input",
    xliffInHelp: "An XLIFF file gives the translation it holds, in the language of that translation.",
    allowUntranslated: "Allow sentences without a translation (the source text stays)",
    learn: "Keep the reviewed sentences in the translation memory",
    learnHelp: "Sentences marked reviewed or final then come before the machine translation.",
    bilingual: "Bilingual: Dutch and English side by side",
    bilingualHelp: "The English PDF and DOCX get two columns: Dutch on the left, English on the right.",
    xlf: "XLIFF (for translators)",
    xlfHelp: "With Dutch: the source text only, for a translator. With English: the machine translation, to review in a translation tool.",
    kind: { xliff: "translation file, source text only", "xliff-mt": "translation file with machine translation", bilingual: "bilingual" },
    fileLabel: "File",
    fileHelp: () => `Drop a file here or choose one. At most ${maxUpload} MB.`,
    langsLegend: "Languages",
    langNl: "Dutch (original)",
    langEn: "English (machine translation)",
    enHelp: "The English version is a machine translation, made on this computer.",
    noModel: "No nl→en translation model is installed; ask the administrator: briefing models install-file.",
    formatsLegend: "Formats",
    docx: "DOCX (Word)",
    xml: "XML (briefing XML)",
    submit: "Convert",
    resultTitle: "Result",
    idle: "Nothing converted yet.",
    warnings: "Warnings",
    footer: "On this computer only. The programming interface is described in ",
    chosen: "Chosen: ",
    needFile: "choose a file first",
    needLang: "choose at least one language",
    needFormat: "choose at least one format",
    waiting: "Waiting for a free slot…",
    reading: "Reading the file…",
    translating: "Translating into English…",
    translatingCount: (d, t) => `Translating into English: ${d} of ${t} sentences…`,
    rendering: "Making the handouts…",
    done: (n) => `Done: ${n} ${n === 1 ? "file" : "files"} to download.`,
    failed: "The conversion failed.",
    offline: "the server does not answer; is briefing serve still running?",
    other: "Nederlands",
  },
};

const $ = (id) => document.getElementById(id);
let lang = localStorage.getItem("briefing-lang") === "en" ? "en" : "nl";
let lastStatus = null; // the last job status shown, re-rendered when the language changes
let hasModel = true;
let maxUpload = 20; // MB, as the server says in /api/models
let statusKey = "idle"; // the status shown when there is no job status
let hasMemory = true; // whether the server keeps a translation memory that learn=1 can teach

function t(key, ...args) {
  const value = TEXT[lang][key];
  return typeof value === "function" ? value(...args) : value;
}

function applyLanguage() {
  document.documentElement.lang = lang;
  document.title = t("title");
  for (const el of document.querySelectorAll("[data-i18n]")) {
    const key = el.dataset.i18n;
    if (key === "footer") {
      el.firstChild.textContent = t("footer");
    } else {
      el.textContent = t(key);
    }
  }
  const toggle = $("language");
  toggle.textContent = t("other");
  toggle.lang = lang === "nl" ? "en" : "nl";
  if (!hasModel) $("en-help").textContent = t("noModel");
  showFileName();
  if (lastStatus) showStatus(lastStatus);
  else setStatus(statusKey);
}

function setStatus(key) {
  statusKey = key;
  $("status-text").textContent = t(key);
}

function isXliff(file) {
  return Boolean(file) && /\.(xlf|xliff)$/i.test(file.name);
}

function showFileName() {
  const file = $("file").files[0];
  $("file-name").textContent = file ? t("chosen") + file.name : "";
  // An XLIFF file brings its own language: the XLIFF options instead of the language choice.
  const xliff = isXliff(file);
  $("xliff-options").hidden = !xliff;
  $("langs").disabled = xliff;
  $("learn-choice").hidden = !hasMemory;
  $("learn-help").hidden = !hasMemory;
}

function cliLine(error) {
  // The CLI's one-line message: error: WHERE: WHAT (HINT)
  return "error: " + (error.where ? error.where + ": " : "") + error.error;
}

function showError(message) {
  const box = $("error");
  box.textContent = message;
  box.hidden = false;
}

function clearResult() {
  $("error").hidden = true;
  $("error").textContent = "";
  $("downloads").replaceChildren();
  $("warnings").replaceChildren();
  $("warnings-box").hidden = true;
  $("progress").hidden = true;
}

function showStatus(job) {
  lastStatus = job;
  const progress = $("progress");
  let text;
  if (job.state === "done") {
    text = t("done", job.outputs.length);
  } else if (job.state === "failed") {
    text = t("failed");
  } else if (job.phase === "translating" && job.progress.total > 0) {
    text = t("translatingCount", job.progress.done, job.progress.total);
  } else {
    text = t(job.phase in TEXT.nl ? job.phase : "waiting");
  }
  $("status-text").textContent = text;
  const busy = job.state === "queued" || job.state === "running";
  progress.hidden = !busy;
  if (busy && job.phase === "translating" && job.progress.total > 0) {
    progress.max = job.progress.total;
    progress.value = job.progress.done;
  } else if (busy) {
    progress.removeAttribute("value"); // indeterminate
  }
  const list = $("downloads");
  list.replaceChildren(
    ...job.outputs.map((out) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = out.url;
      link.download = out.name;
      const kind = t("kind")[out.kind];
      link.textContent = `${out.name} (${kind ? kind + ", " : ""}${Math.max(1, Math.round(out.size / 1024))} kB)`;
      item.append(link);
      return item;
    }),
  );
  if (job.warnings.length) {
    $("warnings").replaceChildren(
      ...job.warnings.map((w) => {
        const item = document.createElement("li");
        item.textContent = "warning: " + w;
        return item;
      }),
    );
    $("warnings-box").hidden = false;
  }
  if (job.state === "failed" && job.error) showError(cliLine(job.error));
}

async function answer(response) {
  try {
    return await response.json();
  } catch {
    return { error: `HTTP ${response.status}`, where: "", code: 1 };
  }
}

async function poll(url) {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const response = await fetch(url, { cache: "no-store" });
    const job = await answer(response);
    if (!response.ok) {
      showError(cliLine(job));
      return;
    }
    showStatus(job);
    if (job.state === "done" || job.state === "failed") return;
  }
}

async function submit(event) {
  event.preventDefault();
  clearResult();
  lastStatus = null;
  const file = $("file").files[0];
  const xliff = isXliff(file);
  const bilingual = !xliff && !$("bilingual-choice").hidden && $("bilingual").checked;
  const langs = xliff ? [] : [...document.querySelectorAll("input[name=lang]:checked")].map((el) => el.value);
  if (bilingual && !langs.includes("en")) langs.push("en"); // side by side needs the English
  const formats = [...document.querySelectorAll("input[name=to]:checked")].map((el) => el.value);
  const missing = !file ? ["needFile", "file"] : !xliff && !langs.length ? ["needLang", "lang-nl"] : !formats.length ? ["needFormat", "to-pdf"] : null;
  if (missing) {
    setStatus("idle");
    showError("error: " + t(missing[0]));
    $(missing[1]).focus();
    return;
  }
  const form = new FormData();
  form.append("file", file, file.name);
  for (const l of langs) form.append("lang", l);
  for (const f of formats) form.append("to", f);
  if (bilingual) form.append("bilingual", "1");
  if (xliff && $("allow-untranslated").checked) form.append("allow_untranslated", "1");
  if (xliff && hasMemory && $("learn").checked) form.append("learn", "1");
  const button = $("submit");
  button.disabled = true;
  setStatus("reading");
  $("progress").hidden = false;
  $("progress").removeAttribute("value");
  try {
    const response = await fetch("/api/jobs", { method: "POST", body: form });
    const job = await answer(response);
    if (!response.ok) {
      setStatus("failed");
      showError(cliLine(job));
      return;
    }
    showStatus(job);
    await poll(`/api/jobs/${encodeURIComponent(job.id)}`);
  } catch {
    setStatus("failed");
    showError("error: " + t("offline"));
  } finally {
    button.disabled = false;
    $("progress").hidden = true;
  }
}

function setUpDrop() {
  const zone = $("drop");
  const input = $("file");
  zone.addEventListener("dragover", (event) => {
    event.preventDefault();
    zone.classList.add("over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("over");
    if (event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      showFileName();
    }
  });
  input.addEventListener("change", showFileName);
}

async function checkModels() {
  try {
    const response = await fetch("/api/models");
    const info = await response.json();
    hasModel = info.models.some((m) => m.source === "nl" && m.target === "en");
    maxUpload = info.max_upload_mb;
    hasMemory = info.memory !== false;
    // The side-by-side handout, where this installation has its writer.
    const bilingual = (info.bilingual || []).length > 0;
    $("bilingual-choice").hidden = !bilingual;
    $("bilingual-help").hidden = !bilingual;
    applyLanguage();
  } catch {
    // The page still works; a translation request will say what is wrong.
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("language").addEventListener("click", () => {
    lang = lang === "nl" ? "en" : "nl";
    localStorage.setItem("briefing-lang", lang);
    applyLanguage();
  });
  $("convert").addEventListener("submit", submit);
  setUpDrop();
  applyLanguage();
  checkModels();
});
