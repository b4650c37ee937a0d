// Placeholder until the CLI lands.
console.log('{"files":[]}');
