-- The search index marks where each word of a name starts (issue 14): the first letter of every word is
-- held as a letter of its own (a Private Use Area character), so a word's start is a trigram of three
-- letters instead of a space and two letters that many words share. The table is made again and the
-- migration's hook fills it with every case in the new form; the store writes that form from now on.
DROP TABLE case_search;
CREATE VIRTUAL TABLE case_search USING fts5 (name, tokenize = 'trigram');
