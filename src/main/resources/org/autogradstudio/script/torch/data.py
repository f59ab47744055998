"""torch.utils.data for Autograd Studio: Dataset, TensorDataset and DataLoader, shuffling with
PyTorch's own stream (a fresh seed from the default generator per epoch, then randperm), so a
seeded script sees the same batches as under PyTorch. Loading is in-process (no workers)."""
import torch
import torch.utils as _utils


class Dataset:
    def __getitem__(self, index):
        raise NotImplementedError("Subclasses of Dataset should implement __getitem__.")


class TensorDataset(Dataset):
    def __init__(self, *tensors):
        assert all(tensors[0].size(0) == tensor.size(0) for tensor in tensors), "Size mismatch between tensors"
        self.tensors = tensors

    def __getitem__(self, index):
        return tuple(tensor[index] for tensor in self.tensors)

    def __len__(self):
        return self.tensors[0].size(0)


def default_collate(batch):
    elem = batch[0]
    if isinstance(elem, torch.Tensor):
        return torch.stack(batch, 0)
    if isinstance(elem, bool):
        return torch.tensor(batch)
    if isinstance(elem, float):
        return torch.tensor(batch, dtype=torch.float64)
    if isinstance(elem, int):
        return torch.tensor(batch)
    if isinstance(elem, dict):
        return {key: default_collate([d[key] for d in batch]) for key in elem}
    if isinstance(elem, (tuple, list)):
        return [default_collate(list(samples)) for samples in zip(*batch)]
    return batch


class DataLoader:
    def __init__(self, dataset, batch_size=1, shuffle=False, sampler=None, batch_sampler=None, num_workers=0,
                 collate_fn=None, pin_memory=False, drop_last=False, timeout=0, worker_init_fn=None,
                 generator=None, prefetch_factor=2, persistent_workers=False):
        if sampler is not None or batch_sampler is not None:
            raise RuntimeError("DataLoader(sampler=...) is not supported in Autograd Studio")
        self.dataset = dataset
        self.batch_size = batch_size
        self.shuffle = shuffle
        self.drop_last = drop_last
        self.num_workers = num_workers
        self.generator = generator
        self.collate_fn = default_collate if collate_fn is None else collate_fn

    def _order(self):
        n = len(self.dataset)
        if not self.shuffle:
            return list(range(n))
        generator = self.generator
        if generator is None:
            generator = torch.Generator()
            generator.manual_seed(_utils._base_seed())
        return torch.randperm(n, generator=generator).tolist()

    def __iter__(self):
        # PyTorch's iterator draws a base seed for its workers first (from the loader's generator),
        # then the sampler draws its own: both come off the stream, so both are drawn here too
        if self.generator is None:
            _utils._base_seed()
        else:
            torch.empty((), dtype=torch.int64).random_(generator=self.generator)
        order = self._order()
        if self.batch_size is None:
            return iter([self.dataset[i] for i in order])
        batches = []
        for start in range(0, len(order), self.batch_size):
            indices = order[start:start + self.batch_size]
            if len(indices) < self.batch_size and self.drop_last:
                break
            batches.append(self.collate_fn([self.dataset[i] for i in indices]))
        return iter(batches)

    def __len__(self):
        n = len(self.dataset)
        if self.batch_size is None:
            return n
        if self.drop_last:
            return n // self.batch_size
        return (n + self.batch_size - 1) // self.batch_size


def random_split(dataset, lengths, generator=None):
    if sum(lengths) != len(dataset):
        raise ValueError("Sum of input lengths does not equal the length of the input dataset!")
    order = torch.randperm(sum(lengths), generator=generator).tolist()
    out = []
    offset = 0
    for length in lengths:
        out.append(Subset(dataset, order[offset:offset + length]))
        offset += length
    return out


class Subset(Dataset):
    def __init__(self, dataset, indices):
        self.dataset = dataset
        self.indices = indices

    def __getitem__(self, idx):
        return self.dataset[self.indices[idx]]

    def __len__(self):
        return len(self.indices)
