// The texts the workflows write on issues and pull requests (in Dutch), and the one comment per
// issue or pull request that they keep up to date. Loaded by actions/github-script in
// formulier.yml and samenvatting.yml from the default branch's checkout, never from a pull request.
'use strict';

// GitHub refuses a comment over 65,536 characters; text from a pull request is cut well before.
const MAX_TEXT = 50000;

// Text that must not become Markdown (messages, text from a pull request) in a code block whose
// fence is longer than any run of backticks in the text.
function fence(text) {
  const cut = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}\n… (ingekort)` : text;
  const longest = Math.max(0, ...(cut.match(/`+/g) || []).map((run) => run.length));
  const ticks = '`'.repeat(Math.max(3, longest + 1));
  return `${ticks}text\n${cut.replace(/\n+$/, '')}\n${ticks}`;
}

// Markdown written from data that anyone may have typed in (a form, a pull request): cut to size,
// and no @-mention that notifies a person or team.
function cut(text) {
  const short = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}\n\n… (ingekort)` : text;
  return short.replace(/@/g, '&#64;');
}

// The body of the pull request made from form issue `issue`: the summary of scripts/formulier.py.
function pullRequestBody(issue, summary) {
  return [
    `Closes #${issue}`,
    '',
    `Gemaakt uit het formulier in issue #${issue}. Wie het issue aanpast, werkt deze pull request bij.`,
    '',
    '## Wat er verandert',
    '',
    cut(summary.trim()) || '(geen samenvatting)',
  ].join('\n');
}

// The answer on a form issue: the link to the pull request, or what to correct in the form.
function formAnswer({ outcome, pullRequest, summary, problems, run }) {
  if (outcome === 'toegepast' && pullRequest) {
    return [
      `Dank u wel. Uw formulier is nu een voorstel: ${pullRequest}`,
      '',
      'Een werkgroep of tafel bekijkt het voorstel. Bij het voorstel komt binnen een paar minuten een',
      'samenvatting en een link naar een voorbeeld van de site met uw wijziging.',
      'Wilt u nog iets veranderen? Pas dan dit issue aan (de drie puntjes → **Edit**). Het voorstel',
      'wordt dan vanzelf bijgewerkt.',
      '',
      '## Wat er verandert',
      '',
      cut(summary.trim()),
    ].join('\n');
  }
  if (outcome === 'geweigerd') {
    return [
      'Uw formulier kan nog niet worden verwerkt. Er is niets veranderd.',
      '',
      'Verbeter het volgende. Pas daarna dit issue aan (de drie puntjes → **Edit**); de computer',
      'probeert het dan opnieuw.',
      '',
      fence(problems.trim()),
    ].join('\n');
  }
  return [
    'Er ging iets mis bij het verwerken van uw formulier. Dat ligt niet aan u.',
    `Een beheerder kan zien wat er gebeurde: ${run}`,
  ].join('\n');
}

// The comment on a pull request: what the change means, the preview and the pages that changed.
// `pages` are the lines of paginas.tsv: "nieuw|gewijzigd|verwijderd <tab> path <tab> title".
function summaryComment({ summary, preview, pages, run, fork }) {
  const lines = ['## Wat deze pull request verandert', ''];
  lines.push(summary.trim() ? cut(summary.trim()) : '(Er is geen samenvatting: de controle is niet gelukt. Zie de controle.)');
  lines.push('', '## Voorbeeld van de site', '');
  if (preview) {
    lines.push(`Bekijk de site met deze wijziging: ${preview}index.html`);
  } else if (fork) {
    lines.push('Een pull request uit een fork krijgt geen voorbeeld op de site.');
  } else {
    lines.push('Er is (nog) geen voorbeeld op de site.');
  }
  lines.push(`Het voorbeeld is ook te downloaden: artefact \`voorbeeld\` onder ${run} (uitpakken, \`index.html\` openen).`);
  const changed = pages.map((line) => line.split('\t')).filter((parts) => parts.length === 3);
  if (changed.length) {
    const word = { nieuw: 'nieuw', gewijzigd: 'gewijzigd', verwijderd: 'verwijderd' };
    lines.push('', '## Pagina\'s die veranderen', '');
    for (const [kind, path, title] of changed.slice(0, 100)) {
      const name = title.replace(/[[\]\\`*_<>]/g, '') || path;
      const link = preview && kind !== 'verwijderd' ? `[${name}](${preview}${encodeURI(path)})` : name;
      lines.push(`- ${link} (${word[kind] || kind})`);
    }
    if (changed.length > 100) lines.push(`- en nog ${changed.length - 100} andere`);
  }
  return lines.join('\n');
}

// One comment per issue or pull request, found by its hidden marker: edited, never duplicated.
async function keepOneComment(github, { owner, repo, issue_number }, marker, text) {
  const body = `${marker}\n${text}`;
  const comments = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 });
  const mine = comments.find((comment) => comment.user.type === 'Bot' && comment.body.startsWith(marker));
  if (mine) {
    await github.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body });
  } else {
    await github.rest.issues.createComment({ owner, repo, issue_number, body });
  }
}

module.exports = { fence, pullRequestBody, formAnswer, summaryComment, keepOneComment };
