// Langium 4.4 (via Chevrotain 12+) calls Object.groupBy, which Node 20 lacks.
// Loaded by the generator, the test runner and the server entry; a no-op where it exists.
if (typeof Object.groupBy !== 'function') {
    Object.groupBy = (items, keyOf) => {
        const groups = Object.create(null);
        let index = 0;
        for (const item of items) {
            const key = keyOf(item, index++);
            (groups[key] ??= []).push(item);
        }
        return groups;
    };
}
